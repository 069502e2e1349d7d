"""Editing in the admin: field messages instead of errors, concurrent edits, history."""

import pytest
from django.contrib.auth.models import User

from relations.models import Agreement, Partner
from tests.admin.helpers import form_data
from trade.models import Figure


def change_url(record):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"


def field_errors(response):
    form = response.context["adminform"].form
    return {name: list(errors) for name, errors in form.errors.items()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("record_lookup", "changes", "field", "message"),
    [
        (
            ("relations.Agreement", "bologna-seongnam-memorandum-of-understanding"),
            {"date_year": "", "date_month": "5"},
            "date_month",
            "A month needs a year.",
        ),
        (
            ("relations.Agreement", "bologna-seongnam-memorandum-of-understanding"),
            {"date_year": "2021", "date_month": "2", "date_day": "30"},
            "date_day",
            "February 2021 has no day 30.",
        ),
        (
            ("relations.Agreement", "bologna-seongnam-memorandum-of-understanding"),
            {"slug": "bologna-chongqing-cooperation-agreement"},
            "slug",
            "Agreement with this Address of the page already exists.",
        ),
        (
            ("trade.Figure", "growth-of-imports-from-china"),
            {"start_year": "2019", "end_year": "2010"},
            "end_year",
            "The period ends before it starts.",
        ),
        (
            ("trade.Figure", "growth-of-imports-from-china"),
            {"start_year": "", "end_year": ""},
            "end_year",
            "Give the reference year or period, or tick 'year not stated in the source'.",
        ),
        (("trade.Figure", "growth-of-imports-from-china"), {"unit": ""}, "unit", "This field is required."),
        (
            ("trade.Figure", "share-of-exports-to-asia"),
            {"value": "140"},
            "value",
            "A share is between 0 and 100 percent.",
        ),
    ],
)
def test_invalid_edit_gives_a_message_on_the_field(admin_client, record_lookup, changes, field, message):
    label, slug = record_lookup
    model = Agreement if label == "relations.Agreement" else Figure
    record = model.objects.get(slug=slug)
    page = admin_client.get(change_url(record))
    response = admin_client.post(change_url(record), form_data(page, **changes))
    assert response.status_code == 200
    assert message in field_errors(response)[field]


@pytest.mark.django_db
def test_second_of_two_concurrent_saves_is_refused_and_the_first_kept(client):
    first = User.objects.create_superuser("first", password="x" * 16)
    second = User.objects.create_superuser("second", password="x" * 16)
    partner = Partner.objects.get(slug="seongnam")
    client.force_login(first)
    first_form = client.get(change_url(partner))
    client.force_login(second)
    second_form = client.get(change_url(partner))

    client.force_login(first)
    saved = client.post(change_url(partner), form_data(first_form, location_en="First editor's location"))
    assert saved.status_code == 302

    client.force_login(second)
    refused = client.post(change_url(partner), form_data(second_form, location_en="Second editor's location"))
    assert refused.status_code == 200
    assert "Someone else saved this record after you opened it" in refused.content.decode()
    partner.refresh_from_db()
    assert partner.location_en == "First editor's location"


@pytest.mark.django_db
def test_history_records_who_changed_what_and_can_restore_it(client):
    editor = User.objects.create_superuser("historian", password="x" * 16)
    client.force_login(editor)
    partner = Partner.objects.get(slug="seongnam")
    original = partner.location_en
    page = client.get(change_url(partner))
    client.post(change_url(partner), form_data(page, location_en="Changed by mistake"))
    partner.refresh_from_db()
    latest = partner.history.first()
    assert latest.history_user == editor
    assert latest.location_en == "Changed by mistake"
    before = partner.history.filter(location_en=original).first()
    history_page = client.get(f"{change_url(partner).removesuffix('change/')}history/")
    assert "historian" in history_page.content.decode()

    restore_url = f"{change_url(partner).removesuffix('change/')}history/{before.history_id}/"
    restore_form = client.get(restore_url)
    assert restore_form.status_code == 200
    assert client.post(restore_url, form_data(restore_form)).status_code == 302
    partner.refresh_from_db()
    assert partner.location_en == original


# One record of every model editors change in the admin, and a text to change in it (its English column).
EDITABLE = {
    "relations.Source": ({"slug": "business-and-asia"}, "description_en"),
    "relations.SourceSection": ({"source__slug": "business-and-asia", "slug": "japan"}, "lead_en"),
    "relations.Domain": ({"slug": "music"}, "name_en"),
    "relations.WorldRegion": ({"slug": "east-asia"}, "name_en"),
    "relations.Country": ({"slug": "japan"}, "official_name_en"),
    "relations.Organisation": ({"slug": "bologna-fair"}, "description_en"),
    "relations.Partner": ({"slug": "nagoya"}, "location_en"),
    "relations.Agreement": ({"slug": "bologna-seongnam-memorandum-of-understanding"}, "summary_en"),
    "relations.Signatory": (
        {"agreement__slug": "bologna-seongnam-memorandum-of-understanding", "partner__slug": "seongnam"},
        "represented_by_en",
    ),
    "relations.Milestone": ({"slug": "bologna-fair-towers-by-kenzo-tange"}, "summary_en"),
    "relations.Network": ({"slug": "unesco-creative-cities-network"}, "description_en"),
    "relations.NetworkMembership": ({"partner__slug": "hamamatsu"}, "field_en"),
    "trade.Territory": ({"slug": "city-of-bologna"}, "name_en"),
    "trade.Figure": ({"slug": "exports-to-japan"}, "measure_en"),
    "trade.TradeProfile": ({"slug": "japan"}, "summary_en"),
    "trade.Strategy": ({"slug": "go-global-2021-2025"}, "description_en"),
    "trade.StrategyTarget": ({"country__slug": "asean"}, "emphasis_en"),
}


def two_editors(client):
    return (
        User.objects.create_superuser("first", password="x" * 16),
        User.objects.create_superuser("second", password="x" * 16),
    )


def test_every_model_in_the_admin_is_covered_by_the_concurrency_test():
    from django.contrib import admin

    registered = {
        model._meta.label for model in admin.site._registry if model._meta.app_label in ("relations", "trade")
    }
    assert registered == set(EDITABLE)


@pytest.mark.django_db
@pytest.mark.parametrize("label", EDITABLE)
def test_a_stale_save_is_refused_on_every_model(client, label):
    from django.apps import apps

    lookup, field = EDITABLE[label]
    record = apps.get_model(label).objects.get(**lookup)
    first, second = two_editors(client)
    client.force_login(first)
    first_form = client.get(change_url(record))
    client.force_login(second)
    second_form = client.get(change_url(record))

    client.force_login(first)
    assert (
        client.post(change_url(record), form_data(first_form, **{field: "Changed by the first editor"})).status_code
        == 302
    )
    client.force_login(second)
    refused = client.post(change_url(record), form_data(second_form, **{field: "Changed by the second editor"}))
    assert refused.status_code == 200
    assert "Someone else saved this record after you opened it" in refused.content.decode()
    record.refresh_from_db()
    assert getattr(record, field) == "Changed by the first editor"


@pytest.mark.django_db
def test_a_stale_inline_row_does_not_overwrite_a_newer_change(client):
    from relations.models import Signatory

    agreement = Agreement.objects.get(slug="bologna-seongnam-memorandum-of-understanding")
    signatory = Signatory.objects.get(agreement=agreement, partner__slug="seongnam")
    first, second = two_editors(client)
    client.force_login(second)
    agreement_form = client.get(change_url(agreement))  # opened with the signatory as it is now

    client.force_login(first)
    signatory_form = client.get(change_url(signatory))
    assert (
        client.post(change_url(signatory), form_data(signatory_form, represented_by_en="The mayor")).status_code == 302
    )

    client.force_login(second)
    refused = client.post(change_url(agreement), form_data(agreement_form, summary_en="A new summary"))
    assert refused.status_code == 200
    assert "Someone else saved this record after you opened it" in refused.content.decode()
    signatory.refresh_from_db()
    agreement.refresh_from_db()
    assert signatory.represented_by == "The mayor"
    assert agreement.summary != "A new summary"


@pytest.mark.django_db
def test_a_stale_save_does_not_undo_a_change_of_related_records(client):
    agreement = Agreement.objects.get(slug="bologna-seongnam-memorandum-of-understanding")
    first, second = two_editors(client)
    client.force_login(first)
    first_form = client.get(change_url(agreement))
    client.force_login(second)
    second_form = client.get(change_url(agreement))
    music = agreement.domains.model.objects.get(slug="music")

    client.force_login(first)
    assert client.post(change_url(agreement), form_data(first_form, domains=[str(music.pk)])).status_code == 302
    client.force_login(second)
    refused = client.post(change_url(agreement), form_data(second_form, title_en="A retitled memorandum"))
    assert refused.status_code == 200
    assert list(agreement.domains.values_list("slug", flat=True)) == ["music"]
