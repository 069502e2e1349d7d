"""The site's own addresses (namespace ``portal``), among them the pages composed of two apps."""

from django.urls import path

from . import downloads, views

app_name = "portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("countries/<slug:slug>/", views.CountryPageView.as_view(), name="country-detail"),
    path("organisations/<slug:slug>/", views.OrganisationPageView.as_view(), name="organisation-detail"),
    path("map/", views.PartnerMapView.as_view(), name="map"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("sitemap/", views.SitemapPageView.as_view(), name="sitemap"),
    path("info/<slug:kind>/", views.InfoPageView.as_view(), name="info-page"),
    path("page-rating/", views.PageRatingView.as_view(), name="rate-page"),
    path("data/", downloads.OpenDataView.as_view(), name="open-data"),
    path("data/datapackage.json", downloads.DatapackageView.as_view(), name="datapackage"),
    path("data/<slug:name>.<str:fmt>", downloads.DownloadView.as_view(), name="download"),
]
