"""Dated events: visits, exhibitions, openings, donations, awards, works of architecture."""

from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.addresses import Addressed
from portal.core.dates import ChronologicalQuerySet, PartiallyDated, date_constraints
from portal.core.images import Illustrated
from portal.core.natural_keys import NaturalKeyModel
from portal.core.publishing import Published, publish_permission
from portal.core.text import FORMATTING_HELP, SLUG_HELP, SLUG_LABEL

from .organisations import Network, Organisation
from .places import Country, Partner
from .sources import CorrectedDate, Sourced, corrected_date_constraint


class MilestoneQuerySet(ChronologicalQuerySet):
    def for_cards(self):
        """What a milestone's card and citation show: its source, and the source of a corrected date."""
        return self.select_related("source_section__source", "date_source__source")

    def with_links(self):
        """The published partners, countries, organisations and networks a milestone's page names."""
        return self.prefetch_related(
            *(
                Prefetch(name, queryset=model.objects.published())
                for name, model in (
                    ("partners", Partner),
                    ("countries", Country),
                    ("organisations", Organisation),
                    ("networks", Network),
                )
            )
        )


class Milestone(NaturalKeyModel, Addressed, Sourced, Published, PartiallyDated, CorrectedDate, Illustrated):
    """A dated event: a visit, an exhibition, an opening, a donation, an award, a work of architecture."""

    search_index_fields = ("title", "summary")  # read through a trigram index (portal.core.search)

    class Kind(models.TextChoices):
        VISIT = "visit", _("visit")
        EXCHANGE = "exchange", _("exchange")
        EXHIBITION = "exhibition", _("exhibition")
        OPENING = "opening", _("opening")
        DONATION = "donation", _("donation")
        AWARD = "award", _("award or recognition")
        ARCHITECTURE = "architecture", _("work of architecture")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    summary = models.TextField(_("summary"), blank=True, help_text=FORMATTING_HELP)
    partners = models.ManyToManyField(Partner, blank=True, related_name="milestones", verbose_name=_("partners"))
    countries = models.ManyToManyField(Country, blank=True, related_name="milestones", verbose_name=_("countries"))
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="milestones", verbose_name=_("organisations")
    )
    networks = models.ManyToManyField(Network, blank=True, related_name="milestones", verbose_name=_("networks"))

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        permissions = [publish_permission("milestone", "milestones")]
        ordering = ["-date_sort", "-id"]  # newest first
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [*date_constraints("milestone"), corrected_date_constraint("milestone")]
        indexes = [models.Index(fields=["date_sort", "id"], name="milestone_date_sort_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("relations:milestone-detail", kwargs={"slug": self.slug_in()})
