"""Public pages of the relations app: lists, partners, agreements, milestones, networks and the
timeline. A country's and an organisation's pages show trade's figures and strategies too, so they
are the site's (portal/site/views.py). Lists are paginated; detail pages show bounded rows."""

from django.conf import settings
from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from portal.core.addresses import AddressedDetailMixin
from portal.core.filtering import StrictFilterView
from portal.core.pagination import CappedPaginationMixin
from portal.core.publishing import PublishedObjectMixin

from . import selectors
from .filters import AgreementFilter, PartnerFilter, TimelineFilter
from .lifecycle import life_of
from .models import Agreement, Country, Milestone, Network, Organisation, Partner


class RelatedPageMixin:
    """A detail view whose page lists related records: one selector builds them all.

    ``page_selector`` is called with the record as its keyword (``partner_page(partner=…)``).
    """

    page_selector = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(type(self).page_selector(**{self.context_object_name: self.object}))
        return context


class CountryListView(ListView):
    template_name = "relations/country_list.html"
    context_object_name = "countries"

    def get_queryset(self):
        return Country.objects.published().select_related("world_region").order_by("kind", "name")


class PartnerListView(StrictFilterView):
    filterset_class = PartnerFilter
    template_name = "relations/partner_list.html"
    context_object_name = "partners"
    paginate_by = settings.PORTAL_PAGE_SIZE

    def get_queryset(self):
        return Partner.objects.published().select_related("country").order_by("name", "pk")


class PartnerDetailView(AddressedDetailMixin, PublishedObjectMixin, RelatedPageMixin, DetailView):
    model = Partner
    template_name = "relations/partner_detail.html"
    context_object_name = "partner"
    page_selector = selectors.partner_page

    def get_queryset(self):
        return super().get_queryset().select_related("country", "source_section__source")


class AgreementListView(StrictFilterView):
    filterset_class = AgreementFilter
    template_name = "relations/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = settings.PORTAL_PAGE_SIZE

    def get_queryset(self):
        return Agreement.objects.published().for_cards().chronological(descending=True)


class AgreementDetailView(AddressedDetailMixin, PublishedObjectMixin, DetailView):
    model = Agreement
    template_name = "relations/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .for_cards()
            .with_life()
            .prefetch_related(
                "partners__country",
                "countries",
                Prefetch("revisions", queryset=Agreement.objects.published().chronological()),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["life"] = life_of(self.object)
        return context


class MilestoneDetailView(AddressedDetailMixin, PublishedObjectMixin, DetailView):
    model = Milestone
    template_name = "relations/milestone_detail.html"
    context_object_name = "milestone"

    def get_queryset(self):
        return super().get_queryset().with_links().for_cards()


class OrganisationListView(CappedPaginationMixin, ListView):
    template_name = "relations/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 100
    cache_parameters = ("page",)

    def get_queryset(self):
        return Organisation.objects.published().select_related("country").order_by("side", "name", "pk")


class NetworkDetailView(AddressedDetailMixin, PublishedObjectMixin, RelatedPageMixin, DetailView):
    model = Network
    template_name = "relations/network_detail.html"
    context_object_name = "network"
    page_selector = selectors.network_page

    def get_queryset(self):
        return super().get_queryset().select_related("source_section__source")


class TimelineView(StrictFilterView):
    filterset_class = TimelineFilter
    template_name = "relations/timeline.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["shows_other_language"] = any(entry.shows_other_language for entry in context["entries"])
        return context
