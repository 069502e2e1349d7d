"""The root URLconf: it wires the site, the two content apps, the admin and the robots' files.

Every public page exists once per language, under its prefix (``/it/…``, ``/en/…``); an address
without one (``/``, or a link from before there were two languages) is redirected by Django's
``LocaleMiddleware`` to the language the browser asks for, Italian otherwise. The admin, the
health check and the files for robots have one address.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from portal.core.caching import public_page
from portal.site import downloads, views
from portal.site.sitemaps import SITEMAPS

urlpatterns = i18n_patterns(
    path("", include("portal.site.urls")),
    path("", include("relations.urls")),
    path("business/", include("trade.urls")),
)
urlpatterns += [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    # The DCAT-AP_IT catalogue: one, in both languages (each text with its language tag).
    path("data/catalogue.ttl", downloads.CatalogueView.as_view(), name="dcat-catalogue"),
    # Cached like the pages (portal/core/caching.py); a long section would be paged with ?p=.
    path(
        "sitemap.xml",
        public_page(sitemap_views.index, parameters=["p"]),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap, parameters=["p"]),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
