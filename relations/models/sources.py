"""The documents the portal's facts come from, their sections, and what a fact record cites."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.core.local_names import NameLanguage
from portal.core.natural_keys import NaturalKeyModel, NaturalKeyQuerySet
from portal.core.text import SLUG_HELP, SLUG_LABEL

DOCUMENT_LANGUAGES = [("it", _("Italian")), ("en", _("English"))]


class Source(NaturalKeyModel, NameLanguage):
    """A document the portal's facts come from."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("address"), blank=True, help_text=_("Where the document can be read, if public."))
    # What is known about the document itself, shown on its page (and, later, in every export):
    # left empty, each says "not stated" rather than a guess.
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, help_text=_("Who published the document, if it says so.")
    )
    document_language = models.CharField(
        _("language of the document"), max_length=8, blank=True, choices=DOCUMENT_LANGUAGES
    )
    document_date = models.DateField(_("date of the document"), null=True, blank=True)
    retrieved_on = models.DateField(
        _("date retrieved"), null=True, blank=True, help_text=_("When the editors took the document, if known.")
    )
    licence = models.CharField(
        _("licence of the document"), max_length=200, blank=True, help_text=_("Its terms of reuse, if it states them.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = NaturalKeyQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:source-detail", kwargs={"slug": self.slug})


class SourceSection(NaturalKeyModel):
    """A section of a source document; facts cite the section they come from."""

    natural_key_fields = ("source", "slug")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="sections", verbose_name=_("source"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(SLUG_LABEL, help_text=SLUG_HELP, max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("General statements of the section that belong to no single record.")
    )
    note = models.TextField(_("editor's note"), blank=True)

    objects = NaturalKeyQuerySet.as_manager()

    class Meta:
        ordering = ["source__position", "position"]
        constraints = [models.UniqueConstraint(fields=["source", "slug"], name="sourcesection_unique_slug")]
        verbose_name = _("source section")
        verbose_name_plural = _("source sections")

    def __str__(self):
        return f"{self.source.title} — {self.title}"

    def get_absolute_url(self):
        return f"{self.source.get_absolute_url()}#{self.slug}"


class Sourced(models.Model):
    """A record stating a fact: where it comes from, and any correction made to the source."""

    source_section = models.ForeignKey(
        SourceSection,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("source"),
        help_text=_("The document section this fact comes from."),
    )
    note = models.TextField(
        _("editor's note"),
        blank=True,
        help_text=_(
            "Shown to visitors wherever the fact appears. Record here any correction or interpretation "
            "that changes what the source says (a date, a name, what a figure refers to)."
        ),
    )
    internal_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_(
            "For editors only, never shown on the site: spelling fixes and other changes of wording "
            "that leave the fact as the source states it."
        ),
    )

    class Meta:
        abstract = True


class CorrectedDate(models.Model):
    """A record whose date the editors corrected: the date fields hold the corrected date, these
    fields what the source says and the document the corrected date comes from. Pages, citations
    and downloads show both, each labelled: the correction is the editors', not the source's."""

    date_in_source = models.CharField(
        _("date as the source states it"),
        max_length=100,
        blank=True,
        help_text=_(
            "Only when the date above corrects the source: the source's own words for the date, for example "
            "“2019”. Say why in the editor's note."
        ),
    )
    date_source = models.ForeignKey(
        SourceSection,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source of the corrected date"),
        help_text=_("The document that gives the date above, when it corrects the source."),
    )

    class Meta:
        abstract = True

    @property
    def date_is_corrected(self):
        return bool(self.date_in_source)


def corrected_date_constraint(prefix):
    """A corrected date says both what the source says and where the correction comes from."""
    return models.CheckConstraint(
        condition=models.Q(date_in_source="", date_source__isnull=True)
        | (~models.Q(date_in_source="") & models.Q(date_source__isnull=False)),
        name=f"{prefix}_corrected_date_names_its_source",
        violation_error_message=_(
            "A corrected date needs both the source's own words for the date and the source of the correction."
        ),
    )
