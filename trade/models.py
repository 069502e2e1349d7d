"""Business & Asia: trade and community figures as data, trade profiles and strategies.

``trade`` builds on ``relations`` (countries, world regions, sources); never the reverse.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.addresses import Addressed
from portal.core.dates import MAX_YEAR, MIN_YEAR, YEAR_MESSAGE, YEAR_VALIDATORS
from portal.core.local_names import NameLanguage
from portal.core.natural_keys import NaturalKeyModel, NaturalKeyQuerySet
from portal.core.publishing import Published, PublishedQuerySet, publish_permission
from portal.core.text import FORMATTING_HELP, SLUG_HELP, SLUG_LABEL
from relations.models import Country, Organisation, Sourced, WorldRegion


class Territory(NaturalKeyModel):
    """An area on the Emilia-Romagna side that a figure describes: the Region, a province, a city."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = NaturalKeyQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("territory")
        verbose_name_plural = _("territories")

    def __str__(self):
        return self.name


def stale_before():
    """The first year a figure is fresh in: this year minus ``PORTAL_FIGURES_FRESH_YEARS``."""
    return timezone.now().year - settings.PORTAL_FIGURES_FRESH_YEARS


class FigureQuerySet(PublishedQuerySet):
    def stale(self):
        """Figures older than the freshness limit or without a year they are from (none, or only the base
        year of a change), the oldest first (those without one first)."""
        return (
            self.annotate(data_year_sort=F("end_year"))
            .filter(Q(data_year_sort__isnull=True) | Q(data_year_sort__lt=stale_before()))
            .order_by(F("data_year_sort").asc(nulls_first=True), "label")
        )

    def for_tables(self):
        """What a figure table shows: its territory, counterpart and source."""
        return self.select_related("territory", "country", "world_region", "source_section__source")


class Figure(NaturalKeyModel, Sourced, Published):
    """One number with its unit, reference period, flow and geography — never a number in prose."""

    search_index_fields = ("label", "measure", "sector")  # read through a trigram index (portal.core.search)

    class Unit(models.TextChoices):
        PERCENT = "percent", _("percent (a share)")
        PERCENT_CHANGE = "percent-change", _("percent change")
        RANK = "rank", _("rank")
        PEOPLE = "people", _("people")
        EURO = "euro", _("euro")
        CURRENCY_NOT_STATED = "currency-not-stated", _("amount, currency not stated in the source")

    class Qualifier(models.TextChoices):
        EXACT = "", _("exactly")
        MORE_THAN = "more-than", _("more than")
        ABOUT = "about", _("about")

    class Flow(models.TextChoices):
        NONE = "", _("not a trade flow")
        EXPORT = "export", _("export")
        IMPORT = "import", _("import")

    label = models.CharField(_("label"), max_length=200, help_text=_("Short title: 'Share of exports to Asia'."))
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=120, unique=True)
    measure = models.CharField(
        _("what is measured"),
        max_length=300,
        help_text=_("One sentence, for example 'Share of the Region's exports destined to Asian markets'."),
    )
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    qualifier = models.CharField(_("qualifier"), max_length=10, choices=Qualifier.choices, blank=True, default="")
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    flow = models.CharField(
        _("flow"),
        max_length=10,
        choices=Flow.choices,
        blank=True,
        default="",
        help_text=_("Seen from the Emilia-Romagna side: export leaves the territory, import enters it."),
    )
    sector = models.CharField(_("sector"), max_length=200, blank=True, help_text=_("Goods concerned, if stated."))
    territory = models.ForeignKey(
        Territory,
        on_delete=models.PROTECT,
        related_name="figures",
        verbose_name=_("territory"),
        help_text=_("The Emilia-Romagna area the figure describes."),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("partner country"),
    )
    world_region = models.ForeignKey(
        WorldRegion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("partner world region"),
        help_text=_("Instead of a country, for figures about a whole region such as Asia."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("from year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("For a change or a period: the first or base year."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("reference year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year of the figure, or the last year of a period."),
    )
    is_year_not_stated = models.BooleanField(
        _("year not stated in the source"),
        default=False,
        help_text=_("Tick only when the source gives no year; the page then says so."),
    )
    series = models.SlugField(
        _("comparable series"),
        max_length=100,
        blank=True,
        help_text=_(
            "Give figures the same identifier here, such as exports-by-country-2015, only when they measure the "
            "same thing, against the same base, for the same period: only such figures are drawn in one chart. "
            "Leave empty for a figure that compares with no other."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Order within a page."))
    is_featured = models.BooleanField(
        _("key figure"), default=False, help_text=_("Tick to show this figure among the key figures on the home page.")
    )

    objects = FigureQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("figure", "figures")]
        ordering = ["position", "label"]
        indexes = [
            models.Index(fields=["position", "label"], name="figure_position_idx"),
            models.Index(fields=["country", "position", "label"], name="figure_country_position_idx"),
            # Partial: SQLite tests booleans as bare columns, which only a partial index can serve.
            models.Index(fields=["position", "label"], condition=Q(is_featured=True), name="figure_featured_idx"),
        ]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.CheckConstraint(
                condition=~Q(unit="percent") | Q(value__gte=0, value__lte=100),
                name="figure_percent_in_range",
                violation_error_message=_("A share is between 0 and 100 percent."),
            ),
            models.CheckConstraint(
                condition=~Q(unit="rank") | Q(value__gte=1),
                name="figure_rank_positive",
                violation_error_message=_("A rank is a whole number from 1."),
            ),
            models.CheckConstraint(
                condition=Q(unit__in=["percent-change"]) | Q(value__gte=0),
                name="figure_value_not_negative",
                violation_error_message=_("This unit takes no negative values."),
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True) | Q(start_year__gte=MIN_YEAR, start_year__lte=MAX_YEAR),
                name="figure_start_year_in_range",
                violation_error_message=YEAR_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=MIN_YEAR, end_year__lte=MAX_YEAR),
                name="figure_end_year_in_range",
                violation_error_message=YEAR_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="figure_period_ordered",
                violation_error_message=_("The period ends before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(country__isnull=True) | Q(world_region__isnull=True),
                name="figure_one_counterpart",
                violation_error_message=_("Choose a country or a world region, not both."),
            ),
            models.CheckConstraint(
                condition=Q(is_year_not_stated=True) | Q(start_year__isnull=False) | Q(end_year__isnull=False),
                name="figure_has_year_or_says_not_stated",
                violation_error_message=_(
                    "Give the reference year or period, or tick 'year not stated in the source'."
                ),
            ),
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return f"{reverse('trade:overview')}#figure-{self.slug}"

    @property
    def data_year(self):
        """The year the figure is from (the last of a period), or None when the source gives none: a
        change "compared to 2010" is from a later year the source does not state, not from 2010."""
        return self.end_year

    @property
    def is_stale(self):
        """Older than ``PORTAL_FIGURES_FRESH_YEARS`` years, or of no stated year: worth updating."""
        return self.data_year is None or self.data_year < stale_before()

    @property
    def freshness_label(self):
        """What a visitor is told of an old figure's age, beside its value ("" for a recent one).

        Never a year the figure is not from: a change from a base year says its end year is not
        stated; a figure without any year needs no label, its period already says so.
        """
        if not self.is_stale:
            return ""
        if self.data_year:
            return str(_("data from %(year)s")) % {"year": self.data_year}
        if self.start_year:
            return str(_("end year not stated"))
        return ""

    @property
    def period_display(self):
        """The reference year or period as a visitor reads it."""
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}"
        if self.end_year:
            return str(self.end_year)
        if self.start_year:
            return str(_("compared to %(year)s")) % {"year": self.start_year}
        return str(_("year not stated in the source"))

    @property
    def value_display(self):
        """The value with its qualifier and unit: 'more than 6,000 people', '+49.5%', '916 million'."""
        from .formatting import format_figure_value

        return format_figure_value(self.value, self.unit, self.qualifier)

    @property
    def counterpart(self):
        return self.country or self.world_region

    def clean(self):
        super().clean()
        errors = {}
        years_in_range = all(
            year is None or MIN_YEAR <= year <= MAX_YEAR for year in (self.start_year, self.end_year)
        )  # out-of-range years already have the field validators' message
        if years_in_range and self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The period ends before it starts.")
        if self.start_year is None and self.end_year is None and not self.is_year_not_stated:
            errors["end_year"] = _("Give the reference year or period, or tick 'year not stated in the source'.")
        if (self.start_year or self.end_year) and self.is_year_not_stated:
            errors["is_year_not_stated"] = _("A year is given, so untick 'year not stated'.")
        if self.country_id and self.world_region_id:
            errors["world_region"] = _("Choose a partner country or a world region, not both.")
        if self.value is not None:
            if self.unit == self.Unit.PERCENT and not Decimal(0) <= self.value <= Decimal(100):
                errors["value"] = _("A share is between 0 and 100 percent.")
            elif self.unit == self.Unit.RANK and (self.value < 1 or self.value != self.value.to_integral_value()):
                errors["value"] = _("A rank is a whole number from 1.")
            elif self.unit not in (self.Unit.PERCENT_CHANGE,) and self.value < 0:
                errors["value"] = _("This unit takes no negative values.")
        if errors:
            raise ValidationError(errors)


class TradeProfile(NaturalKeyModel, Sourced, Published):
    """What the sources say about trade with one country, in words; the numbers are Figures."""

    country = models.OneToOneField(
        Country, on_delete=models.PROTECT, related_name="trade_profile", verbose_name=_("country")
    )
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    summary = models.TextField(_("summary"), help_text=FORMATTING_HELP)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("tradeprofile", "trade profiles")]
        ordering = ["country__name"]
        verbose_name = _("trade profile")
        verbose_name_plural = _("trade profiles")

    def __str__(self):
        return str(_("Trade with %(country)s")) % {"country": self.country.name}

    def get_absolute_url(self):
        return f"{self.country.get_absolute_url()}#trade"


class Strategy(NaturalKeyModel, Addressed, Sourced, Published, NameLanguage):
    """A regional strategy or plan, such as "Go Global 2021-2025", and the countries it targets."""

    name = models.CharField(_("name"), max_length=200, help_text=_("Keep the source's wording."))
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="strategies", verbose_name=_("adopted by")
    )
    start_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    description = models.TextField(_("description"), blank=True, help_text=FORMATTING_HELP)
    targets = models.ManyToManyField(
        Country, through="StrategyTarget", related_name="strategies", verbose_name=_("target countries")
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("strategy", "strategies")]
        ordering = ["-start_year", "name"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="strategy_period_ordered",
                violation_error_message=_("The period ends before it starts."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trade:strategy-detail", kwargs={"slug": self.slug_in()})

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The period ends before it starts.")})


class StrategyTarget(NaturalKeyModel, Sourced):
    """A country or grouping a strategy targets, with the source's words on how much it matters."""

    natural_key_fields = ("strategy", "country")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="target_links")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="strategy_links")
    emphasis = models.CharField(
        _("emphasis"), max_length=200, blank=True, help_text=_("The source's words: 'one of the main targets'.")
    )

    objects = NaturalKeyQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "country__name"]
        verbose_name = _("strategy target")
        verbose_name_plural = _("strategy targets")
        constraints = [models.UniqueConstraint(fields=["strategy", "country"], name="strategytarget_unique")]

    def __str__(self):
        return f"{self.strategy} → {self.country}"
