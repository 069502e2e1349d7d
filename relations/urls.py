"""The relations app's pages. A country's and an organisation's own pages are the site's
(portal/site/urls.py): they show trade's figures and strategies too."""

from django.urls import path

from portal.core.addresses import address, older_addresses
from portal.core.caching import public_page

from . import feeds, views

app_name = "relations"

urlpatterns = [
    path(address("countries/"), views.CountryListView.as_view(), name="country-list"),
    path(address("partners/"), views.PartnerListView.as_view(), name="partner-list"),
    path(address("partners/", "<slug:slug>/"), views.PartnerDetailView.as_view(), name="partner-detail"),
    path(address("agreements/"), views.AgreementListView.as_view(), name="agreement-list"),
    path(address("agreements/", "<slug:slug>/"), views.AgreementDetailView.as_view(), name="agreement-detail"),
    path(address("milestones/", "<slug:slug>/"), views.MilestoneDetailView.as_view(), name="milestone-detail"),
    path(address("organisations/"), views.OrganisationListView.as_view(), name="organisation-list"),
    path(address("networks/", "<slug:slug>/"), views.NetworkDetailView.as_view(), name="network-detail"),
    path(address("timeline/"), views.TimelineView.as_view(), name="timeline"),
    # Cached like the pages, so nginx answers them too (portal/core/caching.py).
    path("feeds/changes.atom", public_page(feeds.ChangesFeed()), name="changes-feed"),
    path("feeds/countries/<slug:slug>.atom", public_page(feeds.CountryChangesFeed()), name="country-changes-feed"),
]
# The addresses these pages had before they had Italian ones: each redirects to its page.
urlpatterns += older_addresses(app_name, urlpatterns)
