"""Public pages of the relations app: countries, partners, agreements, milestones, organisations,
networks and the timeline. Lists are paginated; detail pages show a bounded number of rows."""

from django.conf import settings
from django.db.models import Q
from django.views.generic import DetailView, ListView

from portal.filtering import StrictFilterView
from portal.pagination import CappedPaginationMixin
from portal.publishing import PublishedObjectMixin

from . import selectors
from .filters import AgreementFilter, PartnerFilter, TimelineFilter
from .models import Agreement, Country, Milestone, Network, Organisation, Partner
from .panels import panels_for


class CountryListView(ListView):
    template_name = "relations/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return Country.objects.published().select_related("world_region").order_by("kind", "name")


class CountryDetailView(PublishedObjectMixin, DetailView):
    model = Country
    template_name = "relations/country_detail.html"
    context_object_name = "country"

    def get_queryset(self):
        return super().get_queryset().select_related("world_region", "source_section__source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.country_page(country=self.object))
        context["panels"] = panels_for("country", self.object)
        return context


class PartnerListView(StrictFilterView):
    filterset_class = PartnerFilter
    template_name = "relations/partner_list.html"
    context_object_name = "partners"
    paginate_by = settings.PORTAL_PAGE_SIZE

    def get_queryset(self):
        return Partner.objects.published().with_country().order_by("name", "pk")


class PartnerDetailView(PublishedObjectMixin, DetailView):
    model = Partner
    template_name = "relations/partner_detail.html"
    context_object_name = "partner"

    def get_queryset(self):
        return super().get_queryset().select_related("country", "source_section__source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.partner_page(partner=self.object))
        context["panels"] = panels_for("partner", self.object)
        return context


class AgreementListView(StrictFilterView):
    filterset_class = AgreementFilter
    template_name = "relations/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = settings.PORTAL_PAGE_SIZE

    def get_queryset(self):
        return Agreement.objects.published().with_related().chronological(descending=True)


class AgreementDetailView(PublishedObjectMixin, DetailView):
    model = Agreement
    template_name = "relations/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return (
            super().get_queryset().with_related().select_related("source_section__source").prefetch_related("countries")
        )


class MilestoneDetailView(PublishedObjectMixin, DetailView):
    model = Milestone
    template_name = "relations/milestone_detail.html"
    context_object_name = "milestone"

    def get_queryset(self):
        return (
            super().get_queryset().with_related().select_related("source_section__source").prefetch_related("networks")
        )


class OrganisationListView(CappedPaginationMixin, ListView):
    template_name = "relations/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 100
    cache_parameters = ("page",)

    def get_queryset(self):
        return Organisation.objects.published().select_related("country").order_by("side", "name", "pk")


class OrganisationDetailView(PublishedObjectMixin, DetailView):
    model = Organisation
    template_name = "relations/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return super().get_queryset().select_related("country", "source_section__source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.organisation_page(organisation=self.object))
        context["panels"] = panels_for("organisation", self.object)
        return context


class NetworkDetailView(PublishedObjectMixin, DetailView):
    model = Network
    template_name = "relations/network_detail.html"
    context_object_name = "network"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["memberships"] = self.object.memberships.filter(
            Q(organisation__is_published=True) | Q(partner__is_published=True)
        ).select_related("organisation", "partner__country", "source_section__source")
        context["milestones"] = list(self.object.milestones.published().chronological()[: selectors.RELATED_LIMIT])
        return context


class TimelineView(CappedPaginationMixin, ListView):
    template_name = "relations/timeline.html"
    context_object_name = "entries"
    paginate_by = 50
    cache_parameters = (*TimelineFilter.base_filters, "page")

    def get(self, request, *args, **kwargs):
        self.filterset = TimelineFilter(request.GET or None, queryset=Agreement.objects.none())
        response = super().get(request, *args, **kwargs)
        if self.filterset.is_bound and not self.filterset.is_valid():
            response.status_code = 400
        return response

    def get_queryset(self):
        if self.filterset.is_bound and not self.filterset.is_valid():
            return []
        data = self.filterset.form.cleaned_data if self.filterset.is_bound else {}
        return selectors.timeline(
            country=data.get("country"), year_from=data.get("year_from"), year_to=data.get("year_to")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["filters_invalid"] = self.filterset.is_bound and not self.filterset.is_valid()
        context["filters_active"] = self.filterset.is_bound
        return context
