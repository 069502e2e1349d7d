"""The trigram search index: made by the migrations, the same answers as ``icontains``, kept in
step with every write."""

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Q

from portal.core.search import contains, contains_all, indexed_columns, indexed_models
from relations.models import Agreement
from tests.factories import AgreementFactory, FigureFactory, MilestoneFactory, PartnerFactory

TEXTS = ["bologna", "BOLOGNA", "Bo", "x", "Ōsaka", 'say "hi"', "50%", "a_b", "sister-city", "of the"]


def icontains_any(model, fields, text):
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": text})
    return condition


def matching_pks(model, condition):
    return set(model.objects.filter(condition).values_list("pk", flat=True))


@pytest.fixture
def odd_texts(db):
    """Records whose texts hold the awkward cases: quotes, LIKE wildcards, accents, case."""
    AgreementFactory(title='They say "hi" to Bologna', summary="A 50% share")
    AgreementFactory(title="Ōsaka and a_b", summary="sister-city of the region")
    MilestoneFactory(title="BOLOGNA visit", summary="100% of the delegates")
    PartnerFactory(name="Ōsaka-shi", story='"hi" from a_b')
    FigureFactory(label="Exports of the region", measure="50% share")


INDEXED = sorted(model._meta.label for model in indexed_models(apps.get_models()))


def test_the_large_tables_declare_their_index():
    assert INDEXED == ["relations.Agreement", "relations.Milestone", "relations.Partner", "trade.Figure"]


@pytest.mark.parametrize("label", INDEXED)
@pytest.mark.parametrize("text", TEXTS)
def test_contains_finds_exactly_what_icontains_finds(odd_texts, label, text):
    model = apps.get_model(label)
    fields = indexed_columns(model)
    expected = matching_pks(model, icontains_any(model, fields, text))
    assert matching_pks(model, contains(model, fields, text)) == expected


def test_contains_all_needs_every_text(odd_texts):
    both = contains_all(Agreement, ["title", "summary"], ["bologna", "50%"])
    assert list(Agreement.objects.filter(both).values_list("title", flat=True)) == ['They say "hi" to Bologna']
    assert not Agreement.objects.filter(contains_all(Agreement, ["title", "summary"], ["bologna", "Ōsaka"])).exists()


@pytest.mark.django_db
def test_index_follows_inserts_updates_and_deletes():
    def found(text):
        return set(
            Agreement.objects.filter(contains(Agreement, ["title", "summary"], text)).values_list("pk", flat=True)
        )

    agreement = AgreementFactory(title="Accord with Quxiantown")
    assert found("quxiantown") == {agreement.pk}
    agreement.title_it = agreement.title_en = "Accord with Zorvikcity"
    agreement.save()
    assert found("quxiantown") == set()
    assert found("zorvikcity") == {agreement.pk}
    Agreement.objects.filter(pk=agreement.pk).update(summary_it="Rinnovato a Plovtown")  # no save(), no signal
    assert found("plovtown") == {agreement.pk}
    agreement.delete()
    assert found("zorvikcity") == set()


@pytest.mark.django_db
@pytest.mark.parametrize("label", INDEXED)
def test_the_migrations_leave_every_indexed_table_with_its_index(label):
    """A later migration that rebuilds an indexed table on SQLite drops its triggers: this fails then."""
    model = apps.get_model(label)
    table = model._meta.db_table
    columns = [model._meta.get_field(field).column for field in indexed_columns(model)]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (%s, %s)", [table, f"{table}_fts"]
            )
            found = {(kind, name): sql for kind, name, sql in cursor.fetchall()}
            assert {name for kind, name in found if kind == "trigger"} == {
                f"{table}_fts_{event}" for event in ("insert", "update", "delete")
            }
            definition = found[("table", f"{table}_fts")]
            assert all(f'"{column}"' in definition for column in columns)
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [table])
            names = {name for (name,) in cursor.fetchall()}
            assert {f"{table}_{column}_trgm" for column in columns} <= names


@pytest.mark.django_db
def test_site_search_finds_records_through_the_index(client):
    AgreementFactory(title="Cooperation with Wenlingshire")
    MilestoneFactory(title="Delegation to Wenlingshire")
    response = client.get("/en/search/", {"q": "wenlingshire"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cooperation with Wenlingshire" in page
    assert "Delegation to Wenlingshire" in page
