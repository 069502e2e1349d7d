"""Site-wide reads: the home page, the pages composed of relations and trade (a country, an
organisation), site search, the sources and sitemap pages, and the health check."""

from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Count, Prefetch, Q, Window
from django.utils.translation import gettext_lazy as _

from portal.core import maps
from portal.core.search import closest_name, contains, fold, snippet
from portal.core.text import plain_text
from portal.core.translation import language_columns
from relations import selectors as relations_selectors
from relations.models import Agreement, Country, Domain, Milestone, Organisation, Partner, Source, SourceSection
from trade import selectors as trade_selectors
from trade.models import Figure, Strategy

SEARCH_LIMIT = 20
LATEST = 5  # milestones and agreements on the home page
HOME_COUNTRIES = 12  # tiles on the home page; the country list has them all
SOURCE_ROWS_LIMIT = 200

# Site search: (model, fields searched, the field a result's snippet comes from), in the order
# results are shown. The snippet is from the text that matched or, for a match in the title, the
# start of that field.
SEARCHABLE = [
    (Country, ("name", "official_name", "native_name", "lead"), "lead"),
    (Partner, ("name", "native_name", "location", "story"), "story"),
    (Agreement, ("title", "summary"), "summary"),
    (Milestone, ("title", "summary"), "summary"),
    (Organisation, ("name", "description"), "description"),
    (Figure, ("label", "measure", "sector"), "measure"),
    (Strategy, ("name", "description"), "description"),
]
SEARCH_TYPES = [(model._meta.model_name, model._meta.verbose_name_plural) for model, _, _ in SEARCHABLE]
# Names "did you mean …?" may suggest: of published countries, partners and organisations, and
# the domains agreements are filed under ("turismoo": Turismo).
SUGGESTED_NAMES = [Country, Partner, Organisation, Domain]


def home_page():
    countries = list(Country.objects.published().order_by("kind", "name")[: HOME_COUNTRIES + 1])
    return {
        "introduction": SourceSection.objects.filter(slug="introduction").exclude(lead="").first(),
        "key_figures": trade_selectors.featured_figures(),
        "countries": countries[:HOME_COUNTRIES],
        "more_countries": len(countries) > HOME_COUNTRIES,
        # Recent records whose source gives no date come first; records with no date at all never do.
        "latest_milestones": list(Milestone.objects.published().dated().chronological(descending=True)[:LATEST]),
        "latest_agreements": list(Agreement.objects.published().dated().chronological(descending=True)[:LATEST]),
    }


def country_page(*, country):
    """A country's (or grouping's) page: its relations, its trade, and its partners on a map."""
    page = {**relations_selectors.country_page(country=country), **trade_selectors.country_trade(country=country)}
    page["partner_map"] = partner_map(country=country, members=page["members"])
    return page


# How the map draws each tie of a partner (relations.selectors.TIES): shape and colour both differ.
TIE_SYMBOLS = {
    "agreement": maps.Symbol("circle", "#0059b3"),
    "network": maps.Symbol("square", "#00695c"),
    "cooperation": maps.Symbol("diamond", "#a63d00"),
}


# A province or a state is a point at its capital, ringed: the legend says what the ring means.
AREA_SYMBOL = maps.Symbol("circle", "#5c6773")
AREA_LABEL = _("province or state, at its capital")


def partner_map(*, country=None, members=()):
    """The partners on a map, with the same rows for the table beside it: the map of Asia, or
    zoomed to ``country`` (its ``members``', for a grouping) with the names written beside the points —
    even with no point on it, where the country is and which partners have no coordinates yet.
    None when no partner is on it for a grouping, or for a country the geometry does not hold."""
    mapped = relations_selectors.partners_for_map(country=country)
    markers = [
        maps.Marker(
            float(row.partner.longitude),
            float(row.partner.latitude),
            name=row.partner.name,
            label=f"{row.partner.name}, {row.partner.country.name}: {row.tie_label}",
            url=row.partner.get_absolute_url(),
            symbol=TIE_SYMBOLS[row.tie],
            area=row.partner.is_area,
        )
        for row in mapped["on_map"]
    ]
    if country is None:
        extent, highlighted = maps.ASIA, {row.partner.country.iso_code for row in mapped["on_map"]}
    else:
        highlighted = {member.iso_code for member in [country, *members] if member.iso_code}
        extent = maps.country_extent(highlighted)
        if not markers and (extent is None or country.is_grouping):
            # Nothing to show on a country the geometry does not hold, nor on a grouping, whose map
            # would shade only the members the portal records as if they were the whole of it.
            return None
        extent = extent or maps.ASIA
    present = {row.tie for row in mapped["on_map"]}
    legend = [
        {"label": label, "symbol": TIE_SYMBOLS[tie], "key_symbol": maps.key_symbol()}
        for tie, label in relations_selectors.TIES.items()
        if tie in present
    ]
    if any(marker.area for marker in markers):
        legend.append({"label": AREA_LABEL, "symbol": AREA_SYMBOL, "key_symbol": maps.key_symbol(), "area": True})
    return {
        "view": maps.draw(extent, markers, highlighted, labels=True),
        "rows": mapped["on_map"],
        "ties": legend,
        "without_coordinates": mapped["without_coordinates"],
        "outside_asia": mapped["outside_asia"],
    }


def organisation_page(*, organisation):
    """An organisation's page: its agreements, milestones and networks, and the strategies it adopted."""
    return {
        **relations_selectors.organisation_page(organisation=organisation),
        **trade_selectors.organisation_strategies(organisation=organisation),
    }


@dataclass(frozen=True)
class SearchResult:
    """A record found by site search, with what a visitor needs to choose it."""

    record: object
    snippet: tuple  # (before, match, after): the match in context
    countries: tuple  # the countries it concerns (none for a country itself)

    @property
    def is_dated(self):
        return hasattr(self.record, "date_display")


def _result_countries(record):
    if isinstance(record, Country):
        return ()
    if isinstance(record, (Agreement, Milestone)):
        found = {country.pk: country for country in record.countries.all()}
        for partner in record.partners.all():
            found.setdefault(partner.country.pk, partner.country)
        return tuple(found.values())
    country = getattr(record, "country", None)
    return (country,) if country is not None else ()


# A record is also found by the names of what it belongs to: the countries, partners and bodies
# of an agreement or a milestone (its partners' countries too), a partner's or a body's country.
NAMED_BY = {
    Agreement: (
        "countries",
        "partners",
        "partners__country",
        "signatories__organisation",
        "signatories__partner",
        "signatories__country",
    ),
    Milestone: ("countries", "partners", "partners__country", "organisations"),
    Partner: ("country",),
    Organisation: ("country",),
    Figure: ("country",),
}
NAME_FIELDS = {Country: ("name", "official_name", "short_name"), Partner: ("name",), Organisation: ("name",)}


def found_by_names(model, text):
    """A filter: ``model``'s records whose countries, partners or bodies are named ``text``, in
    either language (subqueries: one query with the record's own search)."""
    condition = Q()
    for path in NAMED_BY.get(model, ()):
        related = model._meta.get_field(path.split("__")[0]).related_model
        for step in path.split("__")[1:]:
            related = related._meta.get_field(step).related_model
        named = related.objects.filter(contains(related, NAME_FIELDS[related], text)).values("pk")
        condition |= Q(**{f"{path}__in": named})
    return condition


def _search_rows(model, fields, text):
    found = contains(model, fields, text) | found_by_names(model, text)
    ids = model.objects.published().filter(found).values("pk")
    # Each row carries the number found (a window over the whole result, before the limit):
    # no second query to count them.
    rows = model.objects.filter(pk__in=ids).annotate(found=Window(Count("pk"))).order_by("pk")
    if model in (Agreement, Milestone):
        return rows.prefetch_related("countries", Prefetch("partners", Partner.objects.select_related("country")))
    if any(field.name == "country" for field in model._meta.fields):
        return rows.select_related("country")
    return rows


def search(*, text, kind=""):
    """Published records whose text contains ``text``, grouped by kind (only ``kind`` if given):
    at most SEARCH_LIMIT of each, with the number found, a snippet and their countries."""
    groups = []
    for model, fields, snippet_field in SEARCHABLE:
        if kind and model._meta.model_name != kind:
            continue
        rows = list(_search_rows(model, fields, text)[: SEARCH_LIMIT + 1])
        if not rows:
            continue
        has_more = len(rows) > SEARCH_LIMIT
        count = rows[0].found
        results = [
            SearchResult(row, snippet(plain_text(getattr(row, snippet_field)), text), _result_countries(row))
            for row in rows[:SEARCH_LIMIT]
        ]
        groups.append(
            {
                "kind": model._meta.model_name,
                "label": model._meta.verbose_name_plural,
                "count": count,
                "results": results,
                "has_more": has_more,
            }
        )
    return groups


def suggestion(*, text):
    """For a search that found nothing: the published name closest to ``text``, or None."""
    best = None
    for model in SUGGESTED_NAMES:
        for name_column in language_columns(model, "name"):
            records = model.objects.published() if hasattr(model.objects, "published") else model.objects.all()
            found = closest_name(text, records.values_list(name_column, flat=True))
            if found and (best is None or found[1] > best[1]):
                best = found
    return best[0] if best and fold(best[0]) != fold(text) else None


def sourced_models():
    """Public models whose records cite a source section (found by field, not by import)."""
    return [
        model
        for model in apps.get_models()
        if any(field.name == "source_section" for field in model._meta.fields)
        and hasattr(model, "get_absolute_url")
        and any(field.name == "is_published" for field in model._meta.fields)
    ]


def source_page(*, source):
    """The source's sections, each with the published records that cite it."""
    sections = list(source.sections.all())
    by_section = {section.pk: [] for section in sections}
    for model in sourced_models():
        # A record's name may need what it belongs to ("Trade with China"): its required relations.
        needed = [f.name for f in model._meta.fields if f.many_to_one or f.one_to_one if not f.null]
        needed.remove("source_section")
        rows = (
            model.objects.filter(source_section__source=source, is_published=True)
            .select_related(*needed)
            .order_by("pk")
        )
        for row in rows[:SOURCE_ROWS_LIMIT]:
            by_section[row.source_section_id].append(row)
    return [(section, by_section[section.pk]) for section in sections]


def sources():
    return list(Source.objects.prefetch_related("sections"))


SITEMAP_ROWS = 100  # records of one kind listed on the sitemap page; the lists have the rest


def sitemap_page():
    """The sections of the portal and, bounded, the records people look for by name."""
    return {
        "countries": list(Country.objects.published().order_by("kind", "name")[:SITEMAP_ROWS]),
        "partners": list(Partner.objects.published().order_by("name")[:SITEMAP_ROWS]),
        "organisations": list(Organisation.objects.published().order_by("name")[:SITEMAP_ROWS]),
        "strategies": list(Strategy.objects.published().order_by("name")[:SITEMAP_ROWS]),
        "sources": list(Source.objects.order_by("position", "title")),
    }


@lru_cache(maxsize=1)
def _migrations_on_disk():
    """Every migration the code defines (read once per process: the code does not change under it)."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def health_problems():
    """What keeps the portal from serving its content: unapplied migrations, or nothing published."""
    applied = set(MigrationRecorder(connection).applied_migrations())
    missing = _migrations_on_disk() - applied
    if missing:
        return [f"{len(missing)} migrations not applied (run manage.py migrate)"]
    if not Country.objects.published().exists():
        return ["no published content (run manage.py load_portal_data)"]
    return []
