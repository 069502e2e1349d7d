"""Every fact of both seed documents is in the loaded data, with its value, date and source."""

from decimal import Decimal

import pytest
from django.apps import apps

from tests.facts.inventory import FACTS, A, B

pytestmark = pytest.mark.usefixtures("seed")  # these tests are about the documents' facts

RELATED_SETS = {"partners", "countries", "organisations", "domains", "networks"}
FOREIGN_KEYS = {"territory", "country", "world_region", "owner"}


def signatory_slugs(agreement):
    return {signatory.party.slug for signatory in agreement.signatories.all()}


def actual_value(record, name):
    if name == "signatories":
        return signatory_slugs(record)
    if name in RELATED_SETS:
        return set(getattr(record, name).values_list("slug", flat=True))
    if name in FOREIGN_KEYS:
        related = getattr(record, name)
        return related.slug if related else None
    for step in name.split("__"):  # "date_source__source__slug": along the relations
        record = getattr(record, step) if record is not None else None
    return record


@pytest.mark.django_db
@pytest.mark.parametrize("fact", FACTS, ids=[fact.id for fact in FACTS])
def test_seed_fact_is_loaded_with_its_values_and_source(fact):
    model = apps.get_model(fact.model)
    record = model.objects.get(**fact.lookup)
    for name, expected in fact.expect.items():
        if name.endswith("__contains"):
            assert expected in getattr(record, name.removesuffix("__contains")), (fact.id, name)
            continue
        actual = actual_value(record, name)
        if isinstance(expected, (int, str)) and isinstance(actual, Decimal):
            expected = Decimal(expected)
        assert actual == expected, (fact.id, name, actual)
    if fact.model == "relations.SourceSection":
        assert (record.source.slug, record.slug) == (fact.document, fact.section)
    else:
        section = record.source_section
        assert (section.source.slug, section.slug) == (fact.document, fact.section), fact.id
    if hasattr(record, "is_published"):
        assert record.is_published, fact.id


def test_inventory_covers_both_documents_without_duplicate_ids():
    ids = [fact.id for fact in FACTS]
    assert len(ids) == len(set(ids))
    assert sum(fact.document == A for fact in FACTS) == 23
    assert sum(fact.document == B for fact in FACTS) == 25


@pytest.mark.django_db
def test_every_correction_of_the_source_is_recorded_in_a_note():
    """The seed's typos and slips are corrected in the data and said so, not silently."""
    agreement = apps.get_model("relations.Agreement").objects
    milestone = apps.get_model("relations.Milestone").objects
    country = apps.get_model("relations.Country").objects
    organisation = apps.get_model("relations.Organisation").objects
    # Spelling fixes are recorded for editors (internal note); corrections of facts for visitors too.
    assert "ctites" in milestone.get(slug="bologna-seoul-exchanges-on-social-economy").internal_note
    assert "singed" in agreement.get(slug="bologna-hamamatsu-cooperation-agreement").internal_note
    asean = country.get(slug="asean")
    assert asean.official_name == "Association of Southeast Asian Nations"
    assert "Association of East Asian Nations" in asean.note
    india = country.get(slug="india")
    assert india.world_region.slug == "south-asia"
    assert "South Asia" in india.note
    assert "non-for-profit" in organisation.get(slug="tokyo-soteria").internal_note
    assert "to contrast" in milestone.get(slug="protective-equipment-donated-to-policlinico-sant-orsola").internal_note
    epa = agreement.get(slug="eu-japan-economic-partnership-agreement")
    assert (epa.date_year, epa.date_month, epa.date_day) == (2018, 7, 17)
    assert "2019" in epa.note


@pytest.mark.django_db
def test_no_record_is_invented_beyond_the_inventory():
    """Agreements and milestones in the data are exactly those the inventory lists."""
    listed = {
        (fact.model, fact.lookup["slug"])
        for fact in FACTS
        if fact.model in {"relations.Agreement", "relations.Milestone"}
    }
    loaded = {
        (label, slug)
        for label in ("relations.Agreement", "relations.Milestone")
        for slug in apps.get_model(label).objects.values_list("slug", flat=True)
    }
    assert loaded == listed


# Who signed each seed agreement on the European side, at which level: the country pages count these.
EUROPEAN_LEVELS = {
    "bologna-chongqing-cooperation-agreement": "municipality",
    "bologna-chengdu-agreement-for-cooperation-and-exchanges": "municipality",
    "bologna-seoul-cooperation-agreement": "municipality",
    "bologna-seongnam-memorandum-of-understanding": "municipality",
    "bologna-hamamatsu-cooperation-agreement": "municipality",
    "emilia-romagna-guangdong-memorandum-of-understanding": "region",
    "emilia-romagna-shandong-agreement": "region",
    "emilia-romagna-gujarat-declaration-of-intent": "region",
    "legacoop-namdo-jeollanam-do-memorandum-of-understanding": "chamber-or-association",
    "chambers-of-commerce-binh-duong-memorandum-of-understanding": "chamber-or-association",
    "eu-japan-economic-partnership-agreement": "european-union",
}


@pytest.mark.django_db
def test_seed_agreements_have_their_signing_level_and_no_status_the_sources_do_not_give():
    from relations.models import Agreement, Signatory

    levels = dict(Signatory.objects.filter(side="european").values_list("agreement__slug", "level"))
    assert levels == EUROPEAN_LEVELS
    stated = {agreement.slug: agreement.status for agreement in Agreement.objects.exclude(status="not-stated")}
    assert stated == {}  # no source states any agreement's status (issue 22: not even the EU–Japan one)
    assert not Agreement.objects.exclude(term_years=None).exists()  # no source gives a term
