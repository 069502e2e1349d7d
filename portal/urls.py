from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from . import views
from .sitemaps import SITEMAPS

portal_patterns = (
    [
        path("", views.HomeView.as_view(), name="home"),
        path("about/", views.AboutView.as_view(), name="about"),
        path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
        path("search/", views.SearchView.as_view(), name="search"),
        path("sitemap/", views.SitemapPageView.as_view(), name="sitemap"),
    ],
    "portal",
)

urlpatterns = [
    path("", include(portal_patterns)),
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
    urlpatterns.append(path("bench/constant/", views.bench_constant))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
