"""Site-wide reads: the home page, site search and the sources page."""

from functools import lru_cache

from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from portal.search import contains
from relations.dates import UNDATED
from relations.models import Agreement, Country, Milestone, Organisation, Partner, Source, SourceSection
from trade import selectors as trade_selectors
from trade.models import Figure, Strategy

SEARCH_LIMIT = 20
LATEST_MILESTONES = 5
HOME_COUNTRIES = 12  # tiles on the home page; the country list has them all
SOURCE_ROWS_LIMIT = 200

# (model, fields searched) for site search, in the order results are shown.
SEARCHABLE = [
    (Country, ("name", "official_name", "native_name")),
    (Partner, ("name", "native_name", "location", "story")),
    (Agreement, ("title", "summary")),
    (Milestone, ("title", "summary")),
    (Organisation, ("name", "description")),
    (Figure, ("label", "measure", "sector")),
    (Strategy, ("name", "description")),
]


def home_page():
    countries = list(Country.objects.published().order_by("kind", "name")[: HOME_COUNTRIES + 1])
    return {
        "introduction": SourceSection.objects.filter(slug="introduction").exclude(lead="").first(),
        "key_figures": trade_selectors.featured_figures(),
        "countries": countries[:HOME_COUNTRIES],
        "more_countries": len(countries) > HOME_COUNTRIES,
        # Recent records whose source gives no date come first; records with no date at all never do.
        "latest_milestones": list(
            Milestone.objects.published().exclude(date_sort=UNDATED).chronological(descending=True)[:LATEST_MILESTONES]
        ),
        "latest_agreements": list(
            Agreement.objects.published().exclude(date_sort=UNDATED).chronological(descending=True)[:LATEST_MILESTONES]
        ),
    }


def search(*, text):
    """Published records whose text contains ``text``, at most SEARCH_LIMIT per kind."""
    results = []
    for model, fields in SEARCHABLE:
        rows = list(model.objects.published().filter(contains(model, fields, text)).order_by("pk")[: SEARCH_LIMIT + 1])
        if rows:
            results.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "rows": rows[:SEARCH_LIMIT],
                    "has_more": len(rows) > SEARCH_LIMIT,
                }
            )
    return results


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
        rows = model.objects.filter(source_section__source=source, is_published=True).order_by("pk")
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
