"""The root URLconf: it wires the site, the two content apps, the admin and the robots' files."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from portal.site import views
from portal.site.sitemaps import SITEMAPS

urlpatterns = [
    path("", include("portal.site.urls")),
    path("", include("relations.urls")),
    path("business/", include("trade.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]

if settings.PORTAL_BENCH_VIEWS:
    urlpatterns += [path("bench/constant/", views.bench_constant), path("bench/one-query/", views.bench_one_query)]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
