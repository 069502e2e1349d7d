"""Reads across models for the public pages, one function per page. Published records only.

Keyword-only functions, tested directly with their exact results (HackSoft's "selectors").
"""

import heapq
from dataclasses import dataclass, replace
from itertools import islice
from types import SimpleNamespace

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from portal.core.dates import RECENT, UNDATED, ShowsPartialDate
from portal.core.maps import in_asia
from portal.core.translation import column, current_language, languages, shown_language

from .models import Agreement, Country, Milestone, NetworkMembership, Organisation, Partner, Signatory

RELATED_LIMIT = 10  # rows of one kind previewed on a detail page; the full list is one link away


def _country_and_members(country):
    """The country itself or, for a grouping, a subquery of it and its member countries."""
    if not country.is_grouping:
        return [country.pk]
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


def story(*record_lists):
    """Agreements and milestones in one list, oldest first, "recently" after the dated ones and
    undated last: a page's story reads in time order (its lists stay newest first)."""
    records = [record for records in record_lists for record in records]
    return sorted(
        records,
        key=lambda record: (
            record.date_sort == UNDATED,
            record.date_sort,
            record.date_qualifier,  # on a date, before "since" it
            record._meta.model_name,
        ),
    )


KEY_AGREEMENTS_SHOWN = 3  # agreements named under one key fact; more are "and others"


def key_agreements(agreements):
    """What a page's key facts say of its agreements, counting only those an Emilia-Romagna body
    signed (the EU–Japan agreement is not Bologna's): the earliest and the most recent dated ones,
    every one of a date two share, and those signed "recently" without a date or with no date at
    all, which no order ranks. Two queries, whatever the number of agreements.
    """
    signed_here = agreements.signed_in_emilia_romagna().prefetch_related(None).select_related(None)
    dated = ~Q(date_sort__in=[UNDATED, RECENT])
    counts = signed_here.aggregate(
        earliest=Min("date_sort", filter=dated),
        latest=Max("date_sort", filter=dated),
        recent=Count("pk", filter=Q(date_sort=RECENT)),
        undated=Count("pk", filter=Q(date_sort=UNDATED)),
    )
    groups = {"earliest": counts["earliest"], "latest": counts["latest"], "recent": RECENT, "undated": UNDATED}
    wanted = [date_sort for date_sort in groups.values() if date_sort is not None]
    rows = list(
        signed_here.filter(date_sort__in=wanted)
        .annotate(rank=Window(RowNumber(), partition_by=[F("date_sort")], order_by=[F("date_qualifier"), F("pk")]))
        .filter(rank__lte=KEY_AGREEMENTS_SHOWN + 1)
        .chronological()
    )
    key = {}
    for name, date_sort in groups.items():
        members = [row for row in rows if row.date_sort == date_sort]
        if members and not (name == "latest" and date_sort == counts["earliest"]):
            key[name] = {"agreements": members[:KEY_AGREEMENTS_SHOWN], "more": len(members) > KEY_AGREEMENTS_SHOWN}
    return key


# "2 regional agreements": how a country page counts agreements by who signed on the European side.
LEVEL_AGREEMENTS = {
    Signatory.Level.REGION: ngettext_lazy("%(count)d regional agreement", "%(count)d regional agreements", "count"),
    Signatory.Level.PROVINCE: ngettext_lazy(
        "%(count)d provincial agreement", "%(count)d provincial agreements", "count"
    ),
    Signatory.Level.MUNICIPALITY: ngettext_lazy(
        "%(count)d municipal agreement", "%(count)d municipal agreements", "count"
    ),
    Signatory.Level.CHAMBER_OR_ASSOCIATION: ngettext_lazy(
        "%(count)d agreement of chambers of commerce or associations",
        "%(count)d agreements of chambers of commerce or associations",
        "count",
    ),
    Signatory.Level.EUROPEAN_UNION: ngettext_lazy(
        "%(count)d European Union agreement", "%(count)d European Union agreements", "count"
    ),
    Signatory.Level.NATIONAL_GOVERNMENT: ngettext_lazy(
        "%(count)d national agreement", "%(count)d national agreements", "count"
    ),
    Signatory.Level.OTHER: ngettext_lazy(
        "%(count)d agreement of other bodies", "%(count)d agreements of other bodies", "count"
    ),
}


def level_counts(agreements):
    """The agreements counted by the level of their European signatory, most first, each with
    its text ("2 regional agreements") and the level's slug for a link to the filtered list."""
    return [
        {"level": level, "count": count, "text": LEVEL_AGREEMENTS[level] % {"count": count}}
        for level, count in agreements.level_counts()
        if level in LEVEL_AGREEMENTS
    ]


def country_page(*, country):
    """Everything the country page lists, each list bounded.

    A grouping (ASEAN) lists what concerns the grouping itself, and apart, under their own
    heading, the agreements and milestones of its member countries.
    """
    is_grouping = country.kind == Country.Kind.GROUPING
    own = [country.pk]
    members = Country.objects.filter(groupings=country).values("pk")
    agreements = _concerning(Agreement, own if is_grouping else _country_and_members(country))
    milestones = _concerning(Milestone, own if is_grouping else _country_and_members(country))
    page = {
        "partners": [] if is_grouping else list(Partner.objects.published().filter(country=country)[:RELATED_LIMIT]),
        "agreements": list(agreements.for_cards().chronological(descending=True)[:RELATED_LIMIT]),
        "milestones": list(milestones.for_cards().chronological(descending=True)[:RELATED_LIMIT]),
        "organisations": list(Organisation.objects.published().filter(country=country)[:RELATED_LIMIT]),
        "members": list(country.members.published()) if is_grouping else [],
        "groupings": [] if is_grouping else list(country.groupings.published()),
        "member_agreements": [],
        "member_milestones": [],
    }
    if is_grouping:
        page["member_agreements"] = list(
            _concerning(Agreement, members).for_cards().chronological(descending=True)[:RELATED_LIMIT]
        )
        page["member_milestones"] = list(
            _concerning(Milestone, members).for_cards().chronological(descending=True)[:RELATED_LIMIT]
        )
    page["key_agreements"] = key_agreements(agreements)
    page["level_counts"] = level_counts(agreements)
    page["partner_count"] = 0 if is_grouping else Partner.objects.published().filter(country=country).count()
    page["story"] = story(page["agreements"], page["milestones"])
    page["member_story"] = story(page["member_agreements"], page["member_milestones"])
    return page


def partner_page(*, partner):
    """A partner's agreements, milestones, the organisations it works with, and its networks."""
    agreements = partner.agreements.published().for_cards().chronological(descending=True)
    milestones = partner.milestones.published().for_cards().chronological(descending=True)
    signed_with_partner = Signatory.objects.filter(
        agreement__partners=partner, agreement__is_published=True, organisation__isnull=False
    ).values("organisation_id")
    in_milestones = Milestone.organisations.through.objects.filter(
        milestone__partners=partner, milestone__is_published=True
    ).values("organisation_id")
    organisations = Organisation.objects.published().filter(Q(pk__in=signed_with_partner) | Q(pk__in=in_milestones))
    page = {
        "agreements": list(agreements[:RELATED_LIMIT]),
        "milestones": list(milestones[:RELATED_LIMIT]),
        "organisations": list(organisations[:RELATED_LIMIT]),
        "memberships": list(_memberships(partner=partner)),
    }
    page["key_agreements"] = key_agreements(partner.agreements.published())
    page["story"] = story(page["agreements"], page["milestones"])
    return page


def organisation_page(*, organisation):
    """The agreements an organisation signed, its milestones and its networks."""
    signed = Signatory.objects.filter(organisation=organisation).values("agreement_id")
    agreements = Agreement.objects.published().filter(pk__in=signed).for_cards().chronological(descending=True)
    milestones = organisation.milestones.published().chronological(descending=True)
    return {
        "agreements": list(agreements[:RELATED_LIMIT]),
        "milestones": list(milestones[:RELATED_LIMIT]),
        "memberships": list(_memberships(organisation=organisation)),
    }


def _memberships(**member):
    return NetworkMembership.objects.filter(network__is_published=True, **member).select_related("network")


def network_page(*, network):
    """A network's members (published ones) and its milestones, oldest first."""
    memberships = network.memberships.filter(
        Q(organisation__is_published=True) | Q(partner__is_published=True)
    ).select_related("organisation", "partner__country", "source_section__source")
    return {
        "memberships": list(memberships),
        "milestones": list(network.milestones.published().chronological()[:RELATED_LIMIT]),
    }


@dataclass(frozen=True)
class TimelineEntry(ShowsPartialDate):
    """One row of the timeline: an agreement or a milestone, with its date as precisely as known."""

    entry_type: str
    pk: int
    slug: str
    slug_it: str | None
    title: str
    date_year: int | None
    date_month: int | None
    date_day: int | None
    date_qualifier: str
    date_sort: int
    note: str
    title_language: str = ""  # set when the title is shown in the other language than the page's
    note_language: str = ""
    countries: tuple = ()  # the published countries it concerns, its partners' countries included
    partners: tuple = ()  # its published partners

    @classmethod
    def from_row(cls, entry_type, row):
        """An entry from a ``values()`` row with every language's columns of its texts."""
        texts = SimpleNamespace(**{name: row.pop(name) for name in TIMELINE_COLUMNS})
        page = current_language()
        shown = {field: shown_language(texts, field, page) for field in TIMELINE_TEXTS}
        other = {f"{field}_language": language for field, language in shown.items() if language not in (None, page)}
        return cls(entry_type=entry_type, **row, **other)

    @property
    def shows_other_language(self):
        return bool(self.title_language or self.note_language)

    @property
    def year_group(self):
        """The heading it goes under: its year ("since 2012" under 2012), "recently" or undated."""
        if self.date_year:
            return self.date_year
        return "recently" if self.date_qualifier == "recently" else ""

    def get_absolute_url(self):
        slug = self.slug_it if current_language() == "it" and self.slug_it else self.slug
        return reverse(f"relations:{self.entry_type}-detail", kwargs={"slug": slug})

    @property
    def sort_key(self):
        """Oldest first, recent-but-undated after every date, the undated last (``chronological_order``)."""
        return (self.date_sort == UNDATED, self.date_sort, self.date_qualifier, self.entry_type, self.pk)


TIMELINE_FIELDS = (
    "pk",
    "slug",
    "slug_it",
    "title",
    "date_year",
    "date_month",
    "date_day",
    "date_qualifier",
    "date_sort",
    "note",
)
TIMELINE_TEXTS = ("title", "note")  # read in every language too, to say which one a row shows
TIMELINE_COLUMNS = [column(field, language) for field in TIMELINE_TEXTS for language in languages()]


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
        fields = (*TIMELINE_FIELDS, *TIMELINE_COLUMNS)
        dated = list(
            queryset.exclude(date_sort=UNDATED).order_by("date_sort", "date_qualifier", "pk").values(*fields)[:limit]
        )
        if len(dated) < limit:
            dated += queryset.filter(date_sort=UNDATED).order_by("pk").values(*fields)[: limit - len(dated)]
        return [TimelineEntry.from_row(entry_type, row) for row in dated]

    def __getitem__(self, window):
        if not isinstance(window, slice) or window.step not in (None, 1):
            raise TypeError("Timeline supports plain slices only")
        stop = window.stop
        streams = [self._entries(entry_type, queryset, stop) for entry_type, queryset in self.sources]
        merged = heapq.merge(*streams, key=lambda entry: entry.sort_key)
        return _with_parties(list(islice(merged, window.start or 0, stop)))


def _with_parties(entries):
    """The page's entries with the countries and partners each concerns: two queries per kind."""
    result = {id(entry): entry for entry in entries}
    for entry_type, model in (("agreement", Agreement), ("milestone", Milestone)):
        of_type = {entry.pk: entry for entry in entries if entry.entry_type == entry_type}
        if not of_type:
            continue
        key = f"{entry_type}_id"
        partners, countries = {}, {}
        links = model.partners.through.objects.filter(
            **{f"{key}__in": of_type}, partner__is_published=True, partner__country__is_published=True
        ).select_related("partner__country")
        for link in links.order_by("partner__slug"):
            partners.setdefault(getattr(link, key), []).append(link.partner)
            countries.setdefault(getattr(link, key), {})[link.partner.country.pk] = link.partner.country
        direct = model.countries.through.objects.filter(**{f"{key}__in": of_type}, country__is_published=True)
        for link in direct.select_related("country").order_by("country__slug"):
            countries.setdefault(getattr(link, key), {})[link.country.pk] = link.country
        for pk, entry in of_type.items():
            result[id(entry)] = replace(
                entry, countries=tuple(countries.get(pk, {}).values()), partners=tuple(partners.get(pk, []))
            )
    return [result[id(entry)] for entry in entries]


def timeline_records(*, country=None, level="", year_from=None, year_to=None):
    """``(agreements, milestones)``: the published records the timeline shows for these filters.

    A signing ``level`` keeps the agreements signed at it, and no milestone (they have no signatories).
    """
    agreements = Agreement.objects.published()
    milestones = Milestone.objects.published()
    if country is not None:
        agreements = agreements_for_country(country=country)
        milestones = milestones_for_country(country=country)
    if level:
        agreements = agreements.signed_at_level(level)
        milestones = milestones.none()
    if year_from is not None or year_to is not None:
        agreements = agreements.in_years(year_from, year_to)
        milestones = milestones.in_years(year_from, year_to)
    return agreements, milestones


def timeline(**filters):
    """Published agreements and milestones, filtered by country, level and period, in date order."""
    return Timeline(*timeline_records(**filters))


# What ties a partner to Emilia-Romagna, strongest first: the map shapes and colours its point by it.
TIES = {
    "agreement": _("agreement"),
    "network": _("network of cities"),
    "cooperation": _("other cooperation"),
}


@dataclass(frozen=True)
class MappedPartner:
    partner: Partner
    tie: str  # a key of TIES

    @property
    def tie_label(self):
        return TIES[self.tie]

    @property
    def coordinates(self):
        return self.partner.coordinates_display


def partners_for_map(*, country=None):
    """Published partners (of ``country``, or of every country), by name: ``on_map`` those with
    coordinates in Asia, each with its strongest tie; apart, those ``without_coordinates`` and
    those ``outside_asia`` (coordinates outside the map, most likely a mistake).

    A partner is tied through a network of cities when it is a member, or when a relation with it
    came through one (a milestone with the network: "thanks to the UNESCO Creative Cities Network, the
    city built relationships with Shenzhen"). Three Exists per partner read the ties, in the one query.
    """
    partners = Partner.objects.published().select_related("country").order_by("name", "pk")
    if country is not None:
        partners = partners.filter(country__in=_country_and_members(country))
    partners = partners.annotate(
        has_agreement=Exists(
            Agreement.partners.through.objects.filter(partner=OuterRef("pk"), agreement__is_published=True)
        ),
        in_network=Exists(NetworkMembership.objects.filter(partner=OuterRef("pk"), network__is_published=True)),
        through_network=Exists(
            Milestone.partners.through.objects.filter(
                partner=OuterRef("pk"), milestone__is_published=True, milestone__networks__is_published=True
            )
        ),
    )
    on_map, without_coordinates, outside_asia = [], [], []
    for partner in partners:
        if partner.latitude is None:
            without_coordinates.append(partner)
            continue
        if not in_asia(float(partner.longitude), float(partner.latitude)):
            outside_asia.append(partner)
            continue
        if partner.has_agreement:
            tie = "agreement"
        elif partner.in_network or partner.through_network:
            tie = "network"
        else:
            tie = "cooperation"
        on_map.append(MappedPartner(partner, tie))
    return {"on_map": on_map, "without_coordinates": without_coordinates, "outside_asia": outside_asia}
