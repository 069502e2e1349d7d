"""Agreements, who signed them, and the domains they cover."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.addresses import Addressed
from portal.core.dates import ChronologicalQuerySet, PartiallyDated, date_constraints
from portal.core.natural_keys import NaturalKeyModel, NaturalKeyQuerySet
from portal.core.parties import OneParty, exactly_one_of
from portal.core.publishing import Published, publish_permission
from portal.core.text import FORMATTING_HELP, SLUG_HELP, SLUG_LABEL
from portal.core.translation import column, languages

from .organisations import Organisation
from .places import Country, Partner
from .sources import CorrectedDate, Sourced, SourceSection, corrected_date_constraint


class Domain(NaturalKeyModel):
    """A field of cooperation: culture, music, social economy, trade, tourism …"""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)

    objects = NaturalKeyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        # One name per domain in each language: constraints on the language columns
        # (django-modeltranslation's), which the history's copies of the columns do not carry.
        constraints = [
            models.UniqueConstraint(fields=[column("name", language)], name=f"domain_unique_name_{language}")
            for language in languages()
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """A domain's page is the agreement list filtered by it."""
        return f"{reverse('relations:agreement-list')}?domain={self.slug}"


def lifecycle_source(verbose_name):
    """A source section for one group of lifecycle facts (optional, like the facts)."""
    return models.ForeignKey(
        SourceSection,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


def other_agreement(related_name, verbose_name, help_text):
    """A link from an agreement to another in its life (one it revises, the one that replaced it)."""
    return models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        help_text=help_text,
    )


# Each lifecycle source, with the facts it is the source of ("not stated" status counts as empty).
LIFECYCLE_SOURCES = {
    "status_source": ("status_is_stated",),
    "entry_into_force_source": ("entered_into_force_on",),
    "term_source": ("term_years", "renewal", "ends_on"),
}


def lifecycle_constraints():
    """What always holds of an agreement's life, in the database as well as in its form."""
    return [
        models.CheckConstraint(
            condition=Q(ends_on__isnull=True)
            | Q(entered_into_force_on__isnull=True)
            | Q(ends_on__gte=F("entered_into_force_on")),
            name="agreement_ends_after_entry_into_force",
            violation_error_message=_("The end is before the entry into force."),
        ),
        models.CheckConstraint(
            condition=Q(status="superseded", superseded_by__isnull=False)
            | Q(~Q(status="superseded"), superseded_by__isnull=True),
            name="agreement_superseded_names_successor",
            violation_error_message=_(
                "A superseded agreement names the agreement that replaced it, and only a superseded one does."
            ),
        ),
        models.CheckConstraint(
            condition=~Q(superseded_by=F("pk")),
            name="agreement_not_superseded_by_itself",
            violation_error_message=_("An agreement cannot replace itself."),
        ),
        models.CheckConstraint(
            condition=~Q(revises=F("pk")),
            name="agreement_does_not_revise_itself",
            violation_error_message=_("An agreement cannot revise itself."),
        ),
        models.CheckConstraint(
            condition=Q(renewal="") | Q(term_years__isnull=False),
            name="agreement_renewal_needs_term",
            violation_error_message=_("A renewal needs the term it renews: give the term in years."),
        ),
        models.CheckConstraint(
            condition=Q(status_source__isnull=True) | ~Q(status="not-stated"),
            name="agreement_status_source_needs_status",
            violation_error_message=_("A source of the status needs a status: choose it, or remove the source."),
        ),
        models.CheckConstraint(
            condition=Q(entry_into_force_source__isnull=True) | Q(entered_into_force_on__isnull=False),
            name="agreement_entry_into_force_source_needs_date",
            violation_error_message=_(
                "A source of the entry into force needs its date: give it, or remove the source."
            ),
        ),
        models.CheckConstraint(
            condition=Q(term_source__isnull=True)
            | Q(term_years__isnull=False)
            | ~Q(renewal="")
            | Q(ends_on__isnull=False),
            name="agreement_term_source_needs_term",
            violation_error_message=_(
                "A source of the term needs a term, a renewal or an end: give one, or remove the source."
            ),
        ),
    ]


class AgreementQuerySet(ChronologicalQuerySet):
    def signed_in_emilia_romagna(self):
        """Agreements an Emilia-Romagna body signed (the Region, a municipality, an association …)."""
        return self.filter(
            Exists(
                Signatory.objects.filter(agreement=OuterRef("pk"), organisation__side=Organisation.Side.EMILIA_ROMAGNA)
            )
        )

    def signed_at_level(self, level):
        """Agreements whose European (Emilia-Romagna) side signed at ``level``: a "municipal
        agreement" is one a municipality signed, whoever signed on the Asian side."""
        return self.filter(
            Exists(Signatory.objects.filter(agreement=OuterRef("pk"), side=Signatory.Side.EUROPEAN, level=level))
        )

    def level_counts(self):
        """``[(level, count)]`` of these agreements by their European side's level, most first.

        One query; an agreement signed by two European bodies of different levels counts under each.
        """
        rows = (
            Signatory.objects.filter(agreement__in=self.values("pk"), side=Signatory.Side.EUROPEAN)
            .values("level")
            .annotate(count=Count("agreement", distinct=True))
            .order_by("-count", "level")
        )
        return [(row["level"], row["count"]) for row in rows]

    def for_cards(self):
        """What an agreement card shows, and nothing more: its domains, signatories and source."""
        return self.select_related("source_section__source", "date_source__source").prefetch_related(
            "domains",
            Prefetch(
                "signatories",
                queryset=Signatory.objects.for_cards().order_by("-side", "pk"),  # not Meta's "agreement" join
            ),
        )

    def with_life(self):
        """What an agreement's life names (its page, its downloads): the agreements it revises or
        that superseded it, and the source of each group of facts, a corrected date's included."""
        sources = [f"{field}__source" for field in ("date_source", *LIFECYCLE_SOURCES)]
        return self.select_related("revises", "superseded_by", *sources)


class Agreement(NaturalKeyModel, Addressed, Sourced, Published, PartiallyDated, CorrectedDate):
    """A cooperation agreement, memorandum, declaration of intent or partnership agreement."""

    search_index_fields = ("title", "summary")  # read through a trigram index (portal.core.search)

    class Kind(models.TextChoices):
        COOPERATION_AGREEMENT = "cooperation-agreement", _("cooperation agreement")
        AGREEMENT_FOR_COOPERATION_AND_EXCHANGES = (
            "agreement-for-cooperation-and-exchanges",
            _("agreement for cooperation and exchanges"),
        )
        MEMORANDUM_OF_UNDERSTANDING = "memorandum-of-understanding", _("memorandum of understanding")
        DECLARATION_OF_INTENT = "declaration-of-intent", _("declaration of intent")
        ECONOMIC_PARTNERSHIP_AGREEMENT = "economic-partnership-agreement", _("economic partnership agreement")
        AGREEMENT = "agreement", _("agreement")

    class Status(models.TextChoices):
        NOT_STATED = "not-stated", _("status not stated")
        IN_FORCE = "in-force", _("in force")
        EXPIRED = "expired", _("expired")
        SUPERSEDED = "superseded", _("superseded")

    class Renewal(models.TextChoices):
        NOT_STATED = "", _("not stated")
        AUTOMATIC = "automatic", _("renewed automatically")
        BY_DECISION = "by-decision", _("renewed by decision of the parties")

    title = models.CharField(_("title"), max_length=200, help_text=_("Keep the source's wording."))
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=50, choices=Kind.choices, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.NOT_STATED,
        db_index=True,
        help_text=_("The agreement's real-world status, as a source states it; publishing is separate."),
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="agreements", verbose_name=_("partners"), help_text=_("Places it concerns.")
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="agreements",
        verbose_name=_("countries"),
        help_text=_(
            "Countries it concerns. The partners' countries count already; add a country only "
            "for agreements with a country as a whole."
        ),
    )
    domains = models.ManyToManyField(Domain, blank=True, related_name="agreements", verbose_name=_("domains"))
    summary = models.TextField(_("summary"), blank=True, help_text=FORMATTING_HELP)

    # The agreement's life. Every field is optional: what no source states stays empty and is
    # shown as "not stated". Each group of facts names its own source (``lifecycle_source``).
    status_source = lifecycle_source(_("source of the status"))
    status_confirmed_on = models.DateField(
        _("status last confirmed on"),
        null=True,
        blank=True,
        help_text=_("The day an editor last checked the status with the parties or an official source."),
    )
    entered_into_force_on = models.DateField(_("entered into force on"), null=True, blank=True)
    entry_into_force_source = lifecycle_source(_("source of the entry into force"))
    term_years = models.PositiveSmallIntegerField(
        _("term (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("How many years the agreement runs for, counted from its entry into force (or its signing)."),
    )
    renewal = models.CharField(_("renewal"), max_length=12, choices=Renewal.choices, blank=True)
    ends_on = models.DateField(
        _("ends or ended on"), null=True, blank=True, help_text=_("Only when a source gives the day.")
    )
    term_source = lifecycle_source(_("source of the term, renewal and end"))
    revises = other_agreement(
        "revisions",
        _("revises"),
        _("The agreement this one amends or revises, which stays in force as revised."),
    )
    superseded_by = other_agreement(
        "supersedes",
        _("superseded by"),
        _("The agreement that replaced this one. Required when the status is “superseded”."),
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("agreement", "agreements")]
        ordering = ["-date_sort", "-id"]  # newest first
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [*date_constraints("agreement"), corrected_date_constraint("agreement"), *lifecycle_constraints()]
        indexes = [
            models.Index(fields=["date_sort", "id"], name="agreement_date_sort_idx"),
            # The public list filtered by kind, newest first, and its counts: read from the index alone.
            models.Index(
                fields=["kind", "date_sort", "id"], condition=Q(is_published=True), name="agreement_kind_date_sort_idx"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("relations:agreement-detail", kwargs={"slug": self.slug_in()})

    @property
    def status_is_stated(self):
        return self.status != self.Status.NOT_STATED

    @property
    def signed_from(self):
        """The first day the signing date can be (1 January of a bare year), or None if undated."""
        if self.date_year is None:
            return None
        return datetime.date(self.date_year, self.date_month or 1, self.date_day or 1)

    def clean(self):
        super().clean()
        errors = {}
        signed_from = self.signed_from
        for field in ("entered_into_force_on", "ends_on"):
            value = getattr(self, field)
            if value and signed_from and value < signed_from:
                errors[field] = _("This date is before the agreement was signed.")
        if self.ends_on and self.entered_into_force_on and self.ends_on < self.entered_into_force_on:
            errors["ends_on"] = _("The end is before the entry into force.")
        if self.status == self.Status.SUPERSEDED and not self.superseded_by_id:
            errors["superseded_by"] = _("A superseded agreement names the agreement that replaced it.")
        if self.superseded_by_id and self.status != self.Status.SUPERSEDED:
            errors["status"] = _("An agreement replaced by another is “superseded”.")
        for field in ("revises", "superseded_by"):
            if getattr(self, f"{field}_id") and self.pk and getattr(self, f"{field}_id") == self.pk:
                errors[field] = _("An agreement cannot refer to itself.")
        if self.status == self.Status.EXPIRED and self.ends_on and self.ends_on > datetime.date.today():
            errors["ends_on"] = _("An expired agreement's end is not in the future.")
        if self.renewal and not self.term_years:
            errors["term_years"] = _("A renewal renews a term: give the term too.")
        for source, facts in LIFECYCLE_SOURCES.items():
            if getattr(self, f"{source}_id") and not any(getattr(self, fact) for fact in facts):
                errors[source] = _("A source is given for a fact left empty.")
        if errors:
            raise ValidationError(errors)


PARTY_FIELDS = ("organisation", "partner", "country")


class SignatoryQuerySet(NaturalKeyQuerySet):
    def for_cards(self):
        """Signatories whose party is published, with what a card shows of it: name, addresses, state."""
        published = Q()
        for party in PARTY_FIELDS:
            published |= Q(**{f"{party}__is_published": True})
        shown = [f"{party}__{field}" for party in PARTY_FIELDS for field in ("name", "slug", "slug_it", "is_published")]
        shown.append("organisation__name_language")  # an organisation's name may be Italian in English
        return (
            self.filter(published)
            .select_related(*PARTY_FIELDS)
            .only("agreement", "side", "level", "represented_by", *PARTY_FIELDS, *shown)
        )


class Signatory(NaturalKeyModel, OneParty):
    """One party that signed an agreement: an organisation, a partner's government, or a country."""

    natural_key_fields = ("agreement", *PARTY_FIELDS)
    party_fields = PARTY_FIELDS

    class Side(models.TextChoices):
        EUROPEAN = "european", _("European side")
        ASIAN = "asian", _("Asian side")

    class Level(models.TextChoices):
        """The tier of government, or the kind of body, that signed."""

        REGION = "region", _("region or state")
        PROVINCE = "province", _("province")
        MUNICIPALITY = "municipality", _("municipality")
        CHAMBER_OR_ASSOCIATION = "chamber-or-association", _("chamber of commerce or association")
        EUROPEAN_UNION = "european-union", _("European Union")
        NATIONAL_GOVERNMENT = "national-government", _("national government")
        OTHER = "other", _("other body (university, hospital…)")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="signatories", verbose_name=_("agreement")
    )
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("organisation"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("partner (its government)"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("country (its government)"),
    )
    represented_by = models.CharField(
        _("represented by"), max_length=200, blank=True, help_text=_("A person named by the source, with their role.")
    )
    level = models.CharField(
        _("level"),
        max_length=25,
        choices=Level.choices,
        blank=True,
        db_index=True,
        help_text=_(
            "Who signed, at which level. Left empty, it is set from the party where that is certain: a partner "
            "city or ward is a municipality, a province a province, a state a region or state, a country its "
            "national government, an association an association."
        ),
    )

    objects = SignatoryQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "-side", "pk"]  # the Emilia-Romagna / European side first
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            exactly_one_of(
                PARTY_FIELDS,
                name="signatory_exactly_one_party",
                message=_("Choose exactly one party: an organisation, a partner or a country."),
            ),
            models.UniqueConstraint(fields=["agreement", *PARTY_FIELDS], name="signatory_unique_party"),
            models.CheckConstraint(
                condition=~Q(level=""),
                name="signatory_has_level",
                violation_error_message=_("Choose the level at which this party signed."),
            ),
        ]

    def __str__(self):
        return str(self.party)

    def clean(self):
        super().clean()
        if not self.level:
            self.level = self.level_from_party() or ""
        if not self.level:
            raise ValidationError({"level": _("Choose the level: it cannot be told from this party.")})

    def save(self, *args, **kwargs):
        if not self.level:
            self.level = self.level_from_party() or ""
        super().save(*args, **kwargs)

    def level_from_party(self):
        """The level the party implies, or None where it does not (a public authority may be the
        Region or a municipality: the editor says which)."""
        if self.country_id:
            return self.Level.NATIONAL_GOVERNMENT
        if self.partner_id:
            return PARTNER_LEVELS.get(self.partner.kind)
        if self.organisation_id and self.organisation.kind == Organisation.Kind.ASSOCIATION:
            return self.Level.CHAMBER_OR_ASSOCIATION
        return None


PARTNER_LEVELS = {
    Partner.Kind.CITY: Signatory.Level.MUNICIPALITY,
    Partner.Kind.WARD: Signatory.Level.MUNICIPALITY,
    Partner.Kind.PROVINCE: Signatory.Level.PROVINCE,
    Partner.Kind.STATE: Signatory.Level.REGION,
}
