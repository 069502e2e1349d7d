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
            "Agreement with this Slug already exists.",
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
    saved = client.post(change_url(partner), form_data(first_form, location="First editor's location"))
    assert saved.status_code == 302

    client.force_login(second)
    refused = client.post(change_url(partner), form_data(second_form, location="Second editor's location"))
    assert refused.status_code == 200
    assert "Someone else saved this record after you opened it" in refused.content.decode()
    partner.refresh_from_db()
    assert partner.location == "First editor's location"


@pytest.mark.django_db
def test_history_records_who_changed_what_and_can_restore_it(client):
    editor = User.objects.create_superuser("historian", password="x" * 16)
    client.force_login(editor)
    partner = Partner.objects.get(slug="seongnam")
    original = partner.location
    page = client.get(change_url(partner))
    client.post(change_url(partner), form_data(page, location="Changed by mistake"))
    partner.refresh_from_db()
    latest = partner.history.first()
    assert latest.history_user == editor
    assert latest.location == "Changed by mistake"
    before = partner.history.filter(location=original).first()
    history_page = client.get(f"{change_url(partner).removesuffix('change/')}history/")
    assert "historian" in history_page.content.decode()

    restore_url = f"{change_url(partner).removesuffix('change/')}history/{before.history_id}/"
    restore_form = client.get(restore_url)
    assert restore_form.status_code == 200
    assert client.post(restore_url, form_data(restore_form)).status_code == 302
    partner.refresh_from_db()
    assert partner.location == original
