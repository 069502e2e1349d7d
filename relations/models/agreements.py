"""Agreements, who signed them, and the domains they cover."""

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.dates import ChronologicalQuerySet, PartiallyDated, date_constraints
from portal.core.natural_keys import NaturalKeyModel, NaturalKeyQuerySet
from portal.core.parties import OneParty, exactly_one_of
from portal.core.publishing import Published, publish_permission
from portal.core.text import FORMATTING_HELP, SLUG_HELP, SLUG_LABEL

from .organisations import Organisation
from .places import Country, Partner
from .sources import Sourced


class Domain(NaturalKeyModel):
    """A field of cooperation: culture, music, social economy, trade, tourism …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)

    objects = NaturalKeyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """A domain's page is the agreement list filtered by it."""
        return f"{reverse('relations:agreement-list')}?domain={self.slug}"


class AgreementQuerySet(ChronologicalQuerySet):
    def for_cards(self):
        """What an agreement card shows, and nothing more: its domains, signatories and source."""
        return self.select_related("source_section__source").prefetch_related(
            "domains",
            Prefetch(
                "signatories",
                queryset=Signatory.objects.for_cards().order_by("-side", "pk"),  # not Meta's "agreement" join
            ),
        )


class Agreement(NaturalKeyModel, Sourced, Published, PartiallyDated):
    """A cooperation agreement, memorandum, declaration of intent or partnership agreement."""

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
        SIGNED = "signed", _("signed")
        IN_FORCE = "in-force", _("in force")
        ENDED = "ended", _("ended")

    title = models.CharField(_("title"), max_length=200, help_text=_("Keep the source's wording."))
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=50, choices=Kind.choices, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.SIGNED,
        help_text=_("The agreement's real-world status; publishing is separate."),
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

    objects = AgreementQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("agreement", "agreements")]
        ordering = ["-date_sort", "-id"]  # newest first
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = date_constraints("agreement")
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
        return reverse("relations:agreement-detail", kwargs={"slug": self.slug})


PARTY_FIELDS = ("organisation", "partner", "country")


class SignatoryQuerySet(NaturalKeyQuerySet):
    def for_cards(self):
        """Signatories whose party is published, with what a card shows of it: name, slug, state."""
        published = Q()
        for party in PARTY_FIELDS:
            published |= Q(**{f"{party}__is_published": True})
        shown = [f"{party}__{field}" for party in PARTY_FIELDS for field in ("name", "slug", "is_published")]
        shown.append("organisation__name_language")  # an organisation's name may be Italian in English
        return (
            self.filter(published)
            .select_related(*PARTY_FIELDS)
            .only("agreement", "side", "represented_by", *PARTY_FIELDS, *shown)
        )


class Signatory(NaturalKeyModel, OneParty):
    """One party that signed an agreement: an organisation, a partner's government, or a country."""

    natural_key_fields = ("agreement", *PARTY_FIELDS)
    party_fields = PARTY_FIELDS
    party_message = _("Choose exactly one party: an organisation, a partner or a country.")

    class Side(models.TextChoices):
        EUROPEAN = "european", _("European side")
        ASIAN = "asian", _("Asian side")

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

    objects = SignatoryQuerySet.as_manager()

    class Meta:
        ordering = ["agreement", "-side", "pk"]  # the Emilia-Romagna / European side first
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            exactly_one_of(PARTY_FIELDS, name="signatory_exactly_one_party"),
            models.UniqueConstraint(fields=["agreement", *PARTY_FIELDS], name="signatory_unique_party"),
        ]

    def __str__(self):
        return str(self.party)
