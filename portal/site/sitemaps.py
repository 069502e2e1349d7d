"""sitemap.xml: every published public page, in each language, with its alternates.

``i18n`` lists each page once per language; ``alternates`` adds the ``hreflang`` links between
them and ``x_default`` the one for other languages (Italian, the portal's first language).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from relations.models import Agreement, Country, Milestone, Network, Organisation, Partner
from trade.models import Strategy


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(PortalSitemap):
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


class PublishedSitemap(PortalSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")


def published_sitemap(model_class):
    return type(f"{model_class.__name__}Sitemap", (PublishedSitemap,), {"model": model_class})


SITEMAPS = {
    "pages": StaticPagesSitemap,
    **{
        model._meta.model_name: published_sitemap(model)
        for model in (Country, Partner, Agreement, Milestone, Organisation, Network, Strategy)
    },
}
