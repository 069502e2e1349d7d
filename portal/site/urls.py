"""The site's own addresses (namespace ``portal``), among them the pages composed of two apps."""

from django.urls import path

from portal.core.addresses import address, older_addresses

from . import downloads, views

app_name = "portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(address("countries/", "<slug:slug>/"), views.CountryPageView.as_view(), name="country-detail"),
    path(address("organisations/", "<slug:slug>/"), views.OrganisationPageView.as_view(), name="organisation-detail"),
    path(address("map/"), views.PartnerMapView.as_view(), name="map"),
    path(address("about/"), views.AboutView.as_view(), name="about"),
    path(address("sources/", "<slug:slug>/"), views.SourceDetailView.as_view(), name="source-detail"),
    path(address("search/"), views.SearchView.as_view(), name="search"),
    path(address("sitemap/"), views.SitemapPageView.as_view(), name="sitemap"),
    path(address("info/", "<slug:kind>/"), views.InfoPageView.as_view(), name="info-page"),
    path(address("page-rating/"), views.PageRatingView.as_view(), name="rate-page"),
    path(address("data/"), downloads.OpenDataView.as_view(), name="open-data"),
    path("data/datapackage.json", downloads.DatapackageView.as_view(), name="datapackage"),
    path("data/<slug:name>.<str:fmt>", downloads.DownloadView.as_view(), name="download"),
]
# The addresses these pages had before they had Italian ones: each redirects to its page.
urlpatterns += older_addresses(app_name, urlpatterns)
