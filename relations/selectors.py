"""Reads across models for the public pages. Every function returns published records only."""

from dataclasses import dataclass

from django.db.models import CharField, IntegerField, Q, Value
from django.db.models.functions import Coalesce

from .dates import format_partial_date, partial_date_iso
from .models import Agreement, Country, Milestone, NetworkMembership, Organisation, Partner

RELATED_LIMIT = 50  # rows of one kind shown on a detail page; the full list is one link away


def agreements_for_country(*, country):
    return (
        Agreement.objects.published()
        .filter(Q(countries=country) | Q(partners__country=country) | Q(partners__country__in=country.members.all()))
        .distinct()
    )


def milestones_for_country(*, country):
    return (
        Milestone.objects.published()
        .filter(Q(countries=country) | Q(partners__country=country) | Q(partners__country__in=country.members.all()))
        .distinct()
    )


def country_page(*, country):
    """Everything the country page lists, each list bounded."""
    agreements = agreements_for_country(country=country).with_related().chronological(descending=True)
    milestones = milestones_for_country(country=country).chronological(descending=True)
    is_grouping = country.kind == Country.Kind.GROUPING
    return {
        "partners": [] if is_grouping else list(Partner.objects.published().filter(country=country)[:RELATED_LIMIT]),
        "agreements": list(agreements[:RELATED_LIMIT]),
        "milestones": list(milestones[:RELATED_LIMIT]),
        "organisations": list(Organisation.objects.published().filter(country=country)[:RELATED_LIMIT]),
        "members": list(country.members.published()) if is_grouping else [],
        "groupings": [] if is_grouping else list(country.groupings.published()),
    }


def partner_page(*, partner):
    agreements = partner.agreements.published().with_related().chronological(descending=True)
    milestones = partner.milestones.published().chronological(descending=True)
    organisations = (
        Organisation.objects.published()
        .filter(
            Q(signatures__agreement__partners=partner, signatures__agreement__is_published=True)
            | Q(milestones__partners=partner, milestones__is_published=True)
        )
        .distinct()
    )
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
class TimelineEntry:
    """One row of the timeline: an agreement or a milestone, with its date as precisely as known."""

    entry_type: str
    slug: str
    title: str
    date_year: int | None
    date_month: int | None
    date_day: int | None
    date_qualifier: str
    sort_year: int = 0
    sort_month: int = 0
    sort_day: int = 0

    @property
    def date_display(self):
        return format_partial_date(self.date_year, self.date_month, self.date_day, self.date_qualifier)

    @property
    def date_iso(self):
        return partial_date_iso(self.date_year, self.date_month, self.date_day)


TIMELINE_FIELDS = ("slug", "title", "date_year", "date_month", "date_day", "date_qualifier")


def _timeline_rows(queryset, entry_type):
    return (
        queryset.order_by()
        .values(*TIMELINE_FIELDS)
        .annotate(
            entry_type=Value(entry_type, output_field=CharField()),
            sort_year=Coalesce("date_year", Value(9999), output_field=IntegerField()),
            sort_month=Coalesce("date_month", Value(0), output_field=IntegerField()),
            sort_day=Coalesce("date_day", Value(0), output_field=IntegerField()),
        )
    )


def timeline(*, country=None, year_from=None, year_to=None):
    """Agreements and milestones in one chronological sequence of plain rows (undated ones last)."""
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
    return (
        _timeline_rows(agreements, "agreement")
        .union(_timeline_rows(milestones, "milestone"))
        .order_by("sort_year", "sort_month", "sort_day", "title")
    )


def countries_with_counts():
    return list(Country.objects.published().select_related("world_region").order_by("kind", "name"))
