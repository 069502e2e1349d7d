"""sitemap.xml: every public page, in each language, with its alternates and the day it last changed.

``i18n`` lists each page once per language; ``alternates`` adds the ``hreflang`` links between
them and ``x_default`` the one for other languages (Italian, the portal's first language).
``lastmod`` comes from the content's own dates: a record's last change, a list's latest record,
a source's latest record citing it, a footer page's last edit.
"""

from django.contrib.sitemaps import GenericSitemap, Sitemap
from django.db.models import Max
from django.urls import reverse

from relations.models import Agreement, Country, Milestone, Network, Organisation, Partner, Source
from trade.models import Figure, Strategy, TradeProfile

from .models import InfoPage

# The records whose changes change a page, for each page that lists them.
CONTENT = (Country, Partner, Agreement, Milestone, Organisation, Network, Figure, TradeProfile, Strategy)
PAGES = {
    "portal:home": CONTENT,
    "relations:country-list": (Country,),
    "relations:partner-list": (Partner,),
    "relations:agreement-list": (Agreement,),
    "relations:organisation-list": (Organisation,),
    "relations:timeline": (Agreement, Milestone),
    "portal:map": (Partner,),
    "trade:overview": (Figure, TradeProfile, Strategy),
    "portal:about": CONTENT,
    "portal:open-data": CONTENT,
    "portal:sitemap": CONTENT,
}


def latest_changes():
    """When each model's latest published record changed: one query a model, for every page."""
    return {model: model.objects.published().aggregate(latest=Max("updated_at"))["latest"] for model in CONTENT}


class InEveryLanguage:
    """A sitemap that lists each page once per language, with its alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(InEveryLanguage, Sitemap):
    priority = 0.8

    def items(self):
        return list(PAGES)

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not hasattr(self, "_latest"):
            self._latest = latest_changes()
        return max(filter(None, (self._latest[model] for model in PAGES[item])), default=None)


class PublishedSitemap(InEveryLanguage, GenericSitemap):
    """Django's GenericSitemap of a model's published records, dated by their last change."""

    def __init__(self, model):
        super().__init__({"queryset": model.objects.published().order_by("pk"), "date_field": "updated_at"})


# How records cite a source section: every record by its source; agreements and milestones also for
# a corrected date, agreements for each fact of their life.
CITATIONS = [(model, "source_section") for model in CONTENT] + [
    (Agreement, "date_source"),
    (Agreement, "status_source"),
    (Agreement, "entry_into_force_source"),
    (Agreement, "term_source"),
    (Milestone, "date_source"),
]


class SourceSitemap(InEveryLanguage, Sitemap):
    """A source's page lists what the portal took from it: it changes when one of those does (and
    is as old as the day the document was consulted when nothing cites it yet)."""

    def items(self):
        return list(Source.objects.order_by("pk"))

    def lastmod(self, source):
        if not hasattr(self, "_latest"):
            self._latest = {}
            for model, relation in CITATIONS:
                cited = f"{relation}__source"
                rows = (
                    model.objects.published()
                    .filter(**{f"{cited}__isnull": False})
                    .values(cited)
                    .annotate(latest=Max("updated_at"))
                    .values_list(cited, "latest")
                )
                for source_id, latest in rows:
                    self._latest[source_id] = max(filter(None, [self._latest.get(source_id), latest]))
        return self._latest.get(source.pk) or source.retrieved_on or source.document_date


class InfoPageSitemap(InEveryLanguage, GenericSitemap):
    """The footer's pages: legal notes, privacy, cookies, accessibility, licence of the data."""

    def __init__(self):
        super().__init__({"queryset": InfoPage.objects.order_by("pk"), "date_field": "updated"})


SITEMAPS = {
    "pages": StaticPagesSitemap,
    **{
        model._meta.model_name: PublishedSitemap(model)
        for model in (Country, Partner, Agreement, Milestone, Organisation, Network, Strategy)
    },
    "sources": SourceSitemap,
    "information": InfoPageSitemap(),
}
