"""The operators' loader: idempotent, atomic, and precise about what is wrong."""

import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.site.loading import FixtureError, default_fixture_paths, load_fixtures
from relations.models import Partner

pytestmark = pytest.mark.usefixtures("seed")  # the loader loads the documents' fixtures


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def write_fixture(tmp_path, records, name="99_broken.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records) if not isinstance(records, str) else records, encoding="utf-8")
    return path


def partner_record(**changes):
    fields = {
        "name_it": "Città di prova",
        "name_en": "Test City",
        "slug": "test-city",
        "kind": "city",
        "country": ["china"],
        "source_section": ["emilia-romagna-and-asia", "china"],
        "is_published": True,
    }
    fields.update(changes)
    return {"model": "relations.partner", "fields": fields}


@pytest.mark.django_db
def test_second_load_changes_nothing_and_says_so():
    before = row_counts()
    report = load_fixtures()
    assert row_counts() == before
    assert not report.changed
    assert all(counter["created"] == counter["updated"] == 0 for counter in report.counts.values())
    assert report.counts["relations.partner"]["unchanged"] == 13


@pytest.mark.django_db
def test_command_reports_per_model_and_nothing_to_do(capsys):
    call_command("load_portal_data")
    out = capsys.readouterr().out
    assert "relations.agreement: 0 created, 0 updated, 11 unchanged" in out
    assert "Nothing to do" in out


@pytest.mark.django_db
def test_changed_record_is_reported_as_updated(tmp_path):
    Partner.objects.filter(slug="chongqing").update(location="Somewhere else")
    report = load_fixtures()
    assert report.counts["relations.partner"]["updated"] == 1
    assert Partner.objects.get(slug="chongqing").location == "South-western China"


@pytest.mark.django_db
def test_dry_run_keeps_nothing(tmp_path):
    path = write_fixture(tmp_path, [partner_record()], "05_extra.json")
    before = row_counts()
    report = load_fixtures([*default_fixture_paths(), path], dry_run=True)
    assert report.counts["relations.partner"]["created"] == 1
    assert row_counts() == before
    assert not Partner.objects.filter(slug="test-city").exists()


BROKEN_CASES = {
    "malformed-json": ('[{"model": "relations.partner", "fields": {', "not valid JSON at line 1"),
    "unknown-reference": (
        [partner_record(country=["atlantis"])],
        'field "country": unknown relations.country ["atlantis"]',
    ),
    "invalid-choice": ([partner_record(kind="village")], "field \"kind\": Value 'village' is not a valid choice."),
    "year-99999": (
        [
            {
                "model": "relations.milestone",
                "fields": {
                    "title_it": "Futuro lontano",
                    "title_en": "Far future",
                    "slug": "far-future",
                    "kind": "visit",
                    "date_year": 99999,
                    "source_section": ["emilia-romagna-and-asia", "china"],
                },
            }
        ],
        'field "date_year": Enter a year between 1000 and 2100.',
    ),
    "month-without-year": (
        [
            {
                "model": "relations.milestone",
                "fields": {
                    "title_it": "Senza anno",
                    "title_en": "No year",
                    "slug": "no-year",
                    "kind": "visit",
                    "date_month": 5,
                    "source_section": ["emilia-romagna-and-asia", "china"],
                },
            }
        ],
        'field "date_month": A month needs a year.',
    ),
    "text-in-no-language": (
        [partner_record(name="Test City")],
        'field "name": a translated text: give it per language, as "name_it" and "name_en"',
    ),
    "required-text-in-one-language": (
        [partner_record(name_it="")],
        'field "name_it": required in every language (Italian and English): missing in Italian',
    ),
    "optional-text-in-one-language": (
        [partner_record(location_en="South-western China")],
        'field "location_it": given in English only: give it in Italian too',
    ),
    "unknown-model": ([{"model": "relations.city", "fields": {}}], 'unknown model "relations.city"'),
    "unknown-field": ([partner_record(population=12)], 'field "population": no such field'),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", BROKEN_CASES, ids=list(BROKEN_CASES))
def test_broken_fixture_names_file_record_field_and_changes_nothing(tmp_path, case):
    records, expected_message = BROKEN_CASES[case]
    good_new_record = write_fixture(tmp_path, [partner_record(slug="valid-new-city")], "05_good.json")
    broken = write_fixture(tmp_path, records)
    Partner.objects.filter(slug="chongqing").update(location="Edited")
    before = row_counts()

    with pytest.raises(CommandError) as raised:
        call_command("load_portal_data", *map(str, [*default_fixture_paths(), good_new_record, broken]))

    message = str(raised.value)
    assert "99_broken.json" in message
    assert expected_message in message
    if case not in {"malformed-json"}:
        assert "record 1" in message
    assert "the database is unchanged" in message
    assert row_counts() == before
    assert not Partner.objects.filter(slug="valid-new-city").exists()
    assert Partner.objects.get(slug="chongqing").location == "Edited"


@pytest.mark.django_db
def test_error_names_the_record_by_its_slug(tmp_path):
    path = write_fixture(tmp_path, [partner_record(), partner_record(slug="second", kind="hamlet")])
    with pytest.raises(FixtureError) as raised:
        load_fixtures([path])
    (problem,) = raised.value.problems
    assert problem.startswith(f'{path}, record 2 (relations.partner "second"), field "kind"')


@pytest.mark.django_db
def test_editors_change_is_kept_and_reported_unless_overwrite_is_asked(capsys):
    from django.contrib.auth.models import User

    editor = User.objects.create_user("editor")
    partner = Partner.objects.get(slug="chongqing")
    partner.location = "Edited by an editor"
    partner._history_user = editor
    partner.save()

    call_command("load_portal_data")
    out = capsys.readouterr().out
    assert "relations.partner: 0 created, 0 updated, 12 unchanged, 1 kept as edited" in out
    assert '(relations.partner "chongqing"): changed by editor on' in out
    assert "Nothing to do" not in out
    assert "Run with --overwrite" in out
    assert Partner.objects.get(slug="chongqing").location == "Edited by an editor"

    call_command("load_portal_data", "--overwrite")
    assert Partner.objects.get(slug="chongqing").location == "South-western China"
    call_command("load_portal_data")
    assert "Nothing to do" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_changed_fixture_updates_a_record_nobody_edited(tmp_path):
    fixture = json.loads((default_fixture_paths()[2]).read_text(encoding="utf-8"))
    for record in fixture:
        if record["fields"].get("slug") == "chongqing":
            record["fields"]["location_en"] = "South-western China, on the Yangtze"
    changed = write_fixture(tmp_path, fixture, "03_relations.json")
    paths = [*default_fixture_paths()[:2], changed, default_fixture_paths()[3]]
    report = load_fixtures(paths)
    assert report.counts["relations.partner"]["updated"] == 1
    assert not report.conflicts
    assert Partner.objects.get(slug="chongqing").location == "South-western China, on the Yangtze"


@pytest.mark.django_db
def test_a_record_that_takes_another_records_slug_is_refused_naming_both(tmp_path):
    before = row_counts()
    records = json.loads((default_fixture_paths()[2]).read_text(encoding="utf-8"))
    for record in records:
        if record["model"] == "relations.partner" and record["fields"]["slug"] == "shandong":
            record["fields"]["slug"] = "guangdong"
    broken = write_fixture(tmp_path, records, name="03_relations.json")
    paths = [*default_fixture_paths()[:2], broken, default_fixture_paths()[3]]
    with pytest.raises(FixtureError) as error:
        load_fixtures(paths)
    message = str(error.value)
    assert 'relations.partner "guangdong"' in message
    assert message.count("03_relations.json, record") >= 2  # both records are named
    assert "same natural key" in message
    assert Partner.objects.get(slug="guangdong").name == "Guangdong Province"
    assert row_counts() == before


@pytest.mark.django_db
def test_duplicate_natural_keys_across_files_are_refused(tmp_path):
    first = write_fixture(tmp_path, [partner_record()], name="90_first.json")
    second = write_fixture(tmp_path, [partner_record(name_en="Another Test City")], name="91_second.json")
    with pytest.raises(FixtureError) as error:
        load_fixtures([*default_fixture_paths(), first, second])
    message = str(error.value)
    assert "90_first.json, record 1" in message and "91_second.json, record 1" in message
    assert not Partner.objects.filter(slug="test-city").exists()


@pytest.mark.django_db
def test_duplicate_keys_of_link_records_are_refused(tmp_path):
    membership = {
        "model": "relations.networkmembership",
        "fields": {
            "network": ["unesco-creative-cities-network"],
            "partner": ["hamamatsu"],
            "field": "City of Literature",
            "source_section": ["emilia-romagna-and-asia", "japan"],
        },
    }
    extra = write_fixture(tmp_path, [membership], name="95_extra.json")
    with pytest.raises(FixtureError, match="same natural key"):
        load_fixtures([*default_fixture_paths(), extra])
