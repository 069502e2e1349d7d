"""The relations app's pages. A country's and an organisation's own pages are the site's
(portal/site/urls.py): they show trade's figures and strategies too."""

from django.urls import path

from . import feeds, views

app_name = "relations"

urlpatterns = [
    path("countries/", views.CountryListView.as_view(), name="country-list"),
    path("partners/", views.PartnerListView.as_view(), name="partner-list"),
    path("partners/<slug:slug>/", views.PartnerDetailView.as_view(), name="partner-detail"),
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path("milestones/<slug:slug>/", views.MilestoneDetailView.as_view(), name="milestone-detail"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation-list"),
    path("networks/<slug:slug>/", views.NetworkDetailView.as_view(), name="network-detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("feeds/changes.atom", feeds.ChangesFeed(), name="changes-feed"),
    path("feeds/countries/<slug:slug>.atom", feeds.CountryChangesFeed(), name="country-changes-feed"),
]
