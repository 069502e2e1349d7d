"""A new record's addresses are made from its names, transliterated and short, and the editor
sees them before publishing (issue 24)."""

import pytest

from relations.models import Agreement, Country, Partner, SourceSection
from tests.admin.helpers import form_data
from tests.admin.test_italian_admin import admin_url, italian_editor  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def add(client, model, **fields):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/add/"
    page = client.get(url)
    assert "prepopulated" not in str(page.context["adminform"].prepopulated_fields)
    response = client.post(url, form_data(page, **fields))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_a_vietnamese_name_is_transliterated_and_the_editor_sees_both_addresses(italian_editor):  # noqa: F811
    vietnam = Country.objects.get(slug="japan")
    section = str(SourceSection.objects.first().pk)
    add(
        italian_editor,
        Partner,
        name_it="Đà Nẵng",
        name_en="Đà Nẵng",
        kind="city",
        country=str(vietnam.pk),
        source_section=section,
    )
    partner = Partner.objects.get(name_en="Đà Nẵng")
    assert partner.slug == "da-nang" and partner.slug_it is None
    page = italian_editor.get(admin_url(partner)).content.decode()
    assert "<code>/it/partner/da-nang/</code>" in page and "<code>/en/partners/da-nang/</code>" in page
    assert not partner.is_published  # seen before it is published


def test_a_long_title_gives_a_short_address_in_each_language(italian_editor):  # noqa: F811
    add(
        italian_editor,
        Agreement,
        title_it="Memorandum d'intesa tra la Regione Emilia-Romagna e la Provincia di Đà Nẵng sulla cooperazione",
        title_en="Memorandum of understanding between the Emilia-Romagna Region and Đà Nẵng on cooperation",
        kind="memorandum-of-understanding",
        date_year="2026",
        source_section=str(SourceSection.objects.first().pk),
    )
    agreement = Agreement.objects.get(title_en__contains="Đà Nẵng")
    assert len(agreement.slug) <= 50 and len(agreement.slug_it) <= 50
    assert agreement.slug.startswith("memorandum-understanding-between-emilia-romagna")
    assert agreement.slug_it.startswith("memorandum-intesa-regione-emilia-romagna")


def test_an_address_the_editor_writes_is_kept(italian_editor):  # noqa: F811
    vietnam = Country.objects.get(slug="japan")
    fields = {
        "name_it": "Hội An",
        "name_en": "Hoi An",
        "slug": "hoi-an-city",
        "kind": "city",
        "country": str(vietnam.pk),
    }
    fields["source_section"] = str(SourceSection.objects.first().pk)
    add(italian_editor, Partner, **fields)
    assert Partner.objects.filter(slug="hoi-an-city", slug_it="hoi-an").exists()  # the empty one is made
