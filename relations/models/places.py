"""Where the relations are: world regions, countries and groupings (ASEAN), and the Asian partners."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core import grammar
from portal.core.addresses import Addressed
from portal.core.images import Illustrated
from portal.core.local_names import LocallyNamed, NameArticle
from portal.core.maps import format_coordinates
from portal.core.natural_keys import NaturalKeyModel, NaturalKeyQuerySet
from portal.core.publishing import Published, PublishedQuerySet, publish_permission
from portal.core.text import FORMATTING_HELP, SLUG_HELP, SLUG_LABEL

from .sources import Sourced, SourceSection


class WorldRegion(NaturalKeyModel):
    """A part of the world (Asia, East Asia, South Asia …); regions may sit inside a larger one."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="subregions", verbose_name=_("part of")
    )

    objects = NaturalKeyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("world region")
        verbose_name_plural = _("world regions")

    def __str__(self):
        return self.name


class Country(NaturalKeyModel, Addressed, Sourced, Published, LocallyNamed, NameArticle, Illustrated):
    """An Asian country, or a grouping of countries such as ASEAN."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("country")
        GROUPING = "grouping", _("grouping of countries")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNTRY)
    official_name = models.CharField(_("official name"), max_length=200, blank=True)
    short_name = models.CharField(_("abbreviation"), max_length=20, blank=True, help_text=_("For example ASEAN."))
    iso_code = models.CharField(
        _("ISO code"), max_length=2, blank=True, help_text=_("Two-letter ISO 3166 code; empty for groupings.")
    )
    world_region = models.ForeignKey(
        WorldRegion, on_delete=models.PROTECT, related_name="countries", verbose_name=_("world region")
    )
    members = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="groupings",
        verbose_name=_("member countries"),
        help_text=_("For a grouping: its member countries that the portal covers."),
    )
    lead = models.TextField(
        _("what Emilia-Romagna and this country do together"),
        blank=True,
        help_text=_(
            "The opening of the country's page: two or three sentences written from the sources, saying no more "
            "than they say."
        ),
    )
    lead_sources = models.ManyToManyField(
        SourceSection,
        blank=True,
        related_name="+",
        verbose_name=_("other sources of the lead"),
        help_text=_(
            "Every other document section the lead draws on, besides the source below: the page cites them all."
        ),
    )
    summary = models.TextField(
        _("note on the name or the country"), blank=True, help_text=_("Shown under the lead, in smaller text.")
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("country", "countries and groupings")]
        ordering = ["kind", "name"]
        verbose_name = _("country or grouping")
        verbose_name_plural = _("countries and groupings")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="grouping") | ~Q(iso_code=""),
                name="country_country_has_iso_code",
                violation_error_message=_("A country needs its two-letter ISO code."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """A country's page is the site's (portal.site): it shows trade figures too."""
        return reverse("portal:country-detail", kwargs={"slug": self.slug_in()})

    @property
    def is_grouping(self):
        return self.kind == self.Kind.GROUPING

    def name_prefix(self, preposition=""):
        """Italian says «in Cina», «in Giappone», but «nella Repubblica di Corea» and «nell'ASEAN»: after
        «in» the name of a country in one word takes no article."""
        if preposition == "in" and grammar.language() == "it" and not self.is_grouping and " " not in self.name:
            return grammar.prefix("in", "")
        return super().name_prefix(preposition)

    def clean(self):
        super().clean()
        if self.kind == self.Kind.COUNTRY and not self.iso_code:
            raise ValidationError({"iso_code": _("A country needs its two-letter ISO code.")})
        if self.iso_code and not (self.iso_code.isascii() and self.iso_code.isalpha() and self.iso_code.isupper()):
            raise ValidationError({"iso_code": _("Use two capital letters, for example CN.")})


LATITUDE_MESSAGE = _("A latitude is from -90 (the South Pole) to 90 (the North Pole): north is positive.")
LONGITUDE_MESSAGE = _("A longitude is from -180 to 180: east of Greenwich is positive, Asia is about 25 to 150.")


class Partner(NaturalKeyModel, Addressed, Sourced, Published, LocallyNamed, NameArticle, Illustrated):
    """An Asian city, province, state or ward that Emilia-Romagna bodies work with."""

    # Site and admin search read these through a trigram index (portal.core.search).
    search_index_fields = ("name", "native_name", "location", "story")

    class Kind(models.TextChoices):
        CITY = "city", _("city")
        PROVINCE = "province", _("province")
        STATE = "state", _("state")
        WARD = "ward", _("special ward")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, db_index=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="partners", verbose_name=_("country"))
    location = models.CharField(
        _("location"), max_length=200, blank=True, help_text=_("Where it is, in words: 'south-western China'.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90, LATITUDE_MESSAGE), MaxValueValidator(90, LATITUDE_MESSAGE)],
        help_text=_(
            "Degrees north of the equator, from -90 to 90 (south is negative): Chongqing is 29.56. Give the "
            "latitude first, then the longitude; for a province or a state, those of its capital."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180, LONGITUDE_MESSAGE), MaxValueValidator(180, LONGITUDE_MESSAGE)],
        help_text=_("Degrees east of Greenwich, from -180 to 180 (west is negative): Chongqing is 106.55."),
    )
    story = models.TextField(_("story"), blank=True, help_text=FORMATTING_HELP)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("partner", "partners")]
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        indexes = [
            models.Index(fields=["name", "id"], name="partner_name_idx"),
            models.Index(fields=["country", "name"], name="partner_country_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="partner_coordinates_in_range",
                violation_error_message=_(
                    "Latitude is from -90 to 90 and longitude from -180 to 180 degrees, both or neither given."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("relations:partner-detail", kwargs={"slug": self.slug_in()})

    @property
    def is_area(self):
        """A province or a state: the map draws it at its capital, and says so."""
        return self.kind in (self.Kind.PROVINCE, self.Kind.STATE)

    @property
    def coordinates_display(self):
        """'29.56° N, 106.55° E' ('29,56° N' in Italian), rounded as everywhere (portal.core.maps)."""
        if self.latitude is None or self.longitude is None:
            return ""
        return format_coordinates(self.latitude, self.longitude)

    @property
    def openstreetmap_url(self):
        """The partner's point on OpenStreetMap, zoomed to its surroundings (None without coordinates)."""
        if self.latitude is None or self.longitude is None:
            return None
        point = {"lat": f"{float(self.latitude):f}", "lon": f"{float(self.longitude):f}"}
        return f"https://www.openstreetmap.org/?mlat={point['lat']}&mlon={point['lon']}#map=10/{point['lat']}/{point['lon']}"

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})
        if self.country_id and self.country.kind != Country.Kind.COUNTRY:
            raise ValidationError({"country": _("A partner belongs to a country, not to a grouping.")})
