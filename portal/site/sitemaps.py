"""sitemap.xml: every published public page, in each language, with its alternates.

``i18n`` lists each page once per language; ``alternates`` adds the ``hreflang`` links between
them and ``x_default`` the one for other languages (Italian, the portal's first language).
"""

from django.contrib.sitemaps import GenericSitemap, Sitemap
from django.urls import reverse

from relations.models import Agreement, Country, Milestone, Network, Organisation, Partner
from trade.models import Strategy


class InEveryLanguage:
    """A sitemap that lists each page once per language, with its alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(InEveryLanguage, Sitemap):
    priority = 0.8

    def items(self):
        return [
            "portal:home",
            "relations:country-list",
            "relations:partner-list",
            "relations:agreement-list",
            "relations:organisation-list",
            "relations:timeline",
            "portal:map",
            "trade:overview",
            "portal:about",
        ]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(InEveryLanguage, GenericSitemap):
    """Django's GenericSitemap of a model's published records."""


SITEMAPS = {
    "pages": StaticPagesSitemap,
    **{
        model._meta.model_name: PublishedSitemap({"queryset": model.objects.published().order_by("pk")})
        for model in (Country, Partner, Agreement, Milestone, Organisation, Network, Strategy)
    },
}
