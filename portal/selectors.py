"""Site-wide reads: the home page, site search and the sources page."""

from django.apps import apps

from portal.search import contains
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
        "latest_milestones": list(
            Milestone.objects.published()
            .filter(date_year__isnull=False)
            .chronological(descending=True)[:LATEST_MILESTONES]
        ),
        "latest_agreements": list(
            Agreement.objects.published()
            .filter(date_year__isnull=False)
            .chronological(descending=True)[:LATEST_MILESTONES]
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
