"""Reads across models for the public pages. Every function returns published records only."""

import heapq
from dataclasses import dataclass
from itertools import islice

from django.db.models import Q

from portal.links import slug_url

from .dates import UNDATED, ShowsPartialDate
from .models import Agreement, Country, Milestone, NetworkMembership, Organisation, Partner, Signatory

RELATED_LIMIT = 10  # rows of one kind previewed on a detail page; the full list is one link away


def _country_and_members(country):
    """A subquery: the country itself and, for a grouping, its member countries."""
    return Country.objects.filter(Q(pk=country.pk) | Q(groupings=country)).values("pk")


def _concerning(model, countries):
    """Published records of ``model`` with one of ``countries`` itself, or with a partner in one of them."""
    with_partners = model.partners.through.objects.filter(partner__country__in=countries)
    with_country = model.countries.through.objects.filter(country__in=countries)
    key = f"{model._meta.model_name}_id"
    return model.objects.published().filter(Q(pk__in=with_partners.values(key)) | Q(pk__in=with_country.values(key)))


def agreements_for_country(*, country):
    """Published agreements with the country itself, or with partners in it (or in its members)."""
    return _concerning(Agreement, _country_and_members(country))


def milestones_for_country(*, country):
    return _concerning(Milestone, _country_and_members(country))


def country_page(*, country):
    """Everything the country page lists, each list bounded.

    A grouping (ASEAN) lists what concerns the grouping itself, and apart, under their own
    heading, the agreements and milestones of its member countries.
    """
    is_grouping = country.kind == Country.Kind.GROUPING
    own = Country.objects.filter(pk=country.pk).values("pk")
    members = Country.objects.filter(groupings=country).values("pk")
    agreements = _concerning(Agreement, own if is_grouping else _country_and_members(country))
    milestones = _concerning(Milestone, own if is_grouping else _country_and_members(country))
    page = {
        "partners": [] if is_grouping else list(Partner.objects.published().filter(country=country)[:RELATED_LIMIT]),
        "agreements": list(agreements.with_related().chronological(descending=True)[:RELATED_LIMIT]),
        "milestones": list(milestones.chronological(descending=True)[:RELATED_LIMIT]),
        "organisations": list(Organisation.objects.published().filter(country=country)[:RELATED_LIMIT]),
        "members": list(country.members.published()) if is_grouping else [],
        "groupings": [] if is_grouping else list(country.groupings.published()),
        "member_agreements": [],
        "member_milestones": [],
    }
    if is_grouping:
        page["member_agreements"] = list(
            _concerning(Agreement, members).with_related().chronological(descending=True)[:RELATED_LIMIT]
        )
        page["member_milestones"] = list(_concerning(Milestone, members).chronological(descending=True)[:RELATED_LIMIT])
    return page


def partner_page(*, partner):
    agreements = partner.agreements.published().with_related().chronological(descending=True)
    milestones = partner.milestones.published().chronological(descending=True)
    signed_with_partner = Signatory.objects.filter(
        agreement__partners=partner, agreement__is_published=True, organisation__isnull=False
    ).values("organisation_id")
    in_milestones = Milestone.organisations.through.objects.filter(
        milestone__partners=partner, milestone__is_published=True
    ).values("organisation_id")
    organisations = Organisation.objects.published().filter(Q(pk__in=signed_with_partner) | Q(pk__in=in_milestones))
    memberships = NetworkMembership.objects.filter(partner=partner, network__is_published=True).select_related(
        "network"
    )
    return {
        "agreements": list(agreements[:RELATED_LIMIT]),
        "milestones": list(milestones[:RELATED_LIMIT]),
        "organisations": list(organisations[:RELATED_LIMIT]),
        "memberships": list(memberships),
    }


def organisation_page(*, organisation):
    agreements = (
        Agreement.objects.published()
        .filter(signatories__organisation=organisation)
        .distinct()
        .with_related()
        .chronological(descending=True)
    )
    milestones = organisation.milestones.published().chronological(descending=True)
    memberships = NetworkMembership.objects.filter(
        organisation=organisation, network__is_published=True
    ).select_related("network")
    return {
        "agreements": list(agreements[:RELATED_LIMIT]),
        "milestones": list(milestones[:RELATED_LIMIT]),
        "memberships": list(memberships),
    }


@dataclass(frozen=True)
class TimelineEntry(ShowsPartialDate):
    """One row of the timeline: an agreement or a milestone, with its date as precisely as known."""

    entry_type: str
    pk: int
    slug: str
    title: str
    date_year: int | None
    date_month: int | None
    date_day: int | None
    date_qualifier: str
    date_sort: int
    note: str

    def get_absolute_url(self):
        return slug_url(f"relations:{self.entry_type}-detail", self.slug)

    @property
    def sort_key(self):
        """Oldest first, recent-but-undated after every date, the undated last (``chronological_order``)."""
        return (self.date_sort == UNDATED, self.date_sort, self.entry_type, self.pk)


TIMELINE_FIELDS = ("pk", "slug", "title", "date_year", "date_month", "date_day", "date_qualifier", "date_sort", "note")


class Timeline:
    """Agreements and milestones in one chronological sequence, read page by page.

    Each kind is read in the order of its date index (no sort of the whole table, no UNION),
    the dated (and recent) rows first and the undated ones after them, and the two kinds are
    merged; a paginator slices it and counts it up to a cap.
    """

    def __init__(self, agreements, milestones):
        self.sources = [("agreement", agreements), ("milestone", milestones)]

    def capped_count(self, limit):
        return min(limit, sum(queryset.order_by()[:limit].count() for _, queryset in self.sources))

    def _entries(self, entry_type, queryset, limit):
        dated = list(queryset.exclude(date_sort=UNDATED).order_by("date_sort", "pk").values(*TIMELINE_FIELDS)[:limit])
        if len(dated) < limit:
            dated += queryset.filter(date_sort=UNDATED).order_by("pk").values(*TIMELINE_FIELDS)[: limit - len(dated)]
        return [TimelineEntry(entry_type=entry_type, **row) for row in dated]

    def __getitem__(self, window):
        if not isinstance(window, slice) or window.step not in (None, 1):
            raise TypeError("Timeline supports plain slices only")
        stop = window.stop
        streams = [self._entries(entry_type, queryset, stop) for entry_type, queryset in self.sources]
        merged = heapq.merge(*streams, key=lambda entry: entry.sort_key)
        return list(islice(merged, window.start or 0, stop))


def timeline(*, country=None, year_from=None, year_to=None):
    """Published agreements and milestones, filtered by country and period, in date order."""
    agreements = Agreement.objects.published()
    milestones = Milestone.objects.published()
    if country is not None:
        agreements = agreements_for_country(country=country)
        milestones = milestones_for_country(country=country)
    if year_from is not None:
        agreements = agreements.filter(date_year__gte=year_from)
        milestones = milestones.filter(date_year__gte=year_from)
    if year_to is not None:
        agreements = agreements.filter(date_year__lte=year_to)
        milestones = milestones.filter(date_year__lte=year_to)
    return Timeline(agreements, milestones)
