"""The bodies on both sides of a relation, and the networks of cities they belong to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.addresses import Addressed
from portal.core.local_names import NameArticle, NameLanguage
from portal.core.natural_keys import NaturalKeyModel, NaturalKeyQuerySet
from portal.core.parties import OneParty, exactly_one_of
from portal.core.publishing import Published, PublishedQuerySet, publish_permission
from portal.core.text import FORMATTING_HELP, SLUG_HELP, SLUG_LABEL

from .places import Country, Partner
from .sources import Sourced


class Organisation(NaturalKeyModel, Addressed, Sourced, Published, NameLanguage, NameArticle):
    """A body on either side of a relation: the Region, a municipality, an association, an academy …"""

    class Kind(models.TextChoices):
        PUBLIC_AUTHORITY = "public-authority", _("public authority")
        HEALTH_AUTHORITY = "health-authority", _("health authority or hospital")
        ASSOCIATION = "association", _("association or federation")
        NON_PROFIT = "non-profit", _("not-for-profit organisation")
        UNIVERSITY = "university", _("university or academy")
        RESEARCH_INSTITUTE = "research-institute", _("research institute")
        TRADE_FAIR = "trade-fair", _("fair or exhibition")
        INTERNATIONAL = "international", _("international organisation")

    class Side(models.TextChoices):
        EMILIA_ROMAGNA = "emilia-romagna", _("Emilia-Romagna")
        ASIA = "asia", _("Asia")
        INTERNATIONAL = "international", _("international")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    side = models.CharField(_("side"), max_length=20, choices=Side.choices, db_index=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("country"),
        help_text=_("For Asian organisations."),
    )
    description = models.TextField(_("description"), blank=True, help_text=FORMATTING_HELP)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("organisation", "organisations")]
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """An organisation's page is the site's (portal.site): it shows the strategies it adopted too."""
        return reverse("portal:organisation-detail", kwargs={"slug": self.slug_in()})

    def clean(self):
        super().clean()
        if self.side == self.Side.ASIA and not self.country_id:
            raise ValidationError({"country": _("An Asian organisation needs its country.")})
        if self.side != self.Side.ASIA and self.country_id:
            raise ValidationError({"country": _("Only Asian organisations have a country here.")})


class Network(NaturalKeyModel, Addressed, Sourced, Published):
    """A network of cities, such as the UNESCO Creative Cities Network."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=FORMATTING_HELP)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("network", "networks")]
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("relations:network-detail", kwargs={"slug": self.slug_in()})


MEMBER_FIELDS = ("organisation", "partner")


class NetworkMembership(NaturalKeyModel, OneParty, Sourced):
    """A member of a network and its field (Bologna: City of Music); the member is its ``party``."""

    natural_key_fields = ("network", *MEMBER_FIELDS)
    party_fields = MEMBER_FIELDS

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("organisation"),
        help_text=_("For Emilia-Romagna members, the municipality."),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("partner"),
    )
    field = models.CharField(_("field"), max_length=100, help_text=_("For example 'City of Music'."))

    objects = NaturalKeyQuerySet.as_manager()

    class Meta:
        ordering = ["network", "field", "pk"]
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            exactly_one_of(
                MEMBER_FIELDS,
                name="networkmembership_exactly_one_member",
                message=_("Choose either an organisation or a partner as the member."),
            ),
            models.UniqueConstraint(fields=["network", *MEMBER_FIELDS], name="networkmembership_unique"),
        ]

    def __str__(self):
        return f"{self.party} — {self.field}"
