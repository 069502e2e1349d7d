"""The admin for Italian editors: their own language, both languages of a record side by side,
a marker and a filter for missing translations, the list of what is untranslated, history per
language, search in both languages."""

import pytest
from django.contrib.auth.models import User

from portal.site.models import EditorSettings, editor_language
from relations.models import Partner
from tests.admin.helpers import form_data

CHANGELIST = "/admin/relations/partner/"


def change_url(record):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("redattrice", password="x" * 16)
    EditorSettings.objects.filter(user=user).delete()  # as a new editor: no choice made yet
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_the_admin_speaks_italian_to_an_editor_who_chose_nothing(client, editor):
    page = client.get("/admin/").content.decode()
    assert '<html lang="it"' in page
    assert "Contenuti del portale" in page
    assert "Lingua: Italiano" in page


@pytest.mark.django_db
def test_an_editor_chooses_english_and_the_admin_speaks_it(client, editor):
    response = client.post("/admin/language/", {"language": "en"}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    page = response.content.decode()
    assert '<html lang="en"' in page
    assert "The admin now speaks English." in page
    assert "Content of the portal" in page
    client.post("/admin/language/", {"language": "it"})
    assert "Contenuti del portale" in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_the_language_form_refuses_a_language_the_portal_does_not_have(client, editor):
    response = client.post("/admin/language/", {"language": "fr"})
    assert response.status_code == 200
    assert response.context["form"].errors["language"]
    assert not EditorSettings.objects.filter(user=editor).exists()  # a refused form writes nothing
    assert editor_language(User.objects.get(pk=editor.pk)) == "it"


@pytest.mark.django_db
def test_both_languages_of_a_text_are_side_by_side_in_one_form(client, editor):
    partner = Partner.objects.get(slug="nagoya")
    form = client.get(change_url(partner)).context["adminform"].form
    fields = list(form.fields)
    for text in ["name", "story", "location"]:
        assert text not in fields
        assert fields.index(f"{text}_en") == fields.index(f"{text}_it") + 1
    assert form.fields["name_it"].required  # Italian first; the English may follow (the marker says so)


@pytest.mark.django_db
def test_a_record_missing_a_translation_is_marked_filtered_and_listed(client, editor):
    partner = Partner.objects.get(slug="nagoya")
    Partner.objects.filter(pk=partner.pk).update(story_it="Una storia solo in italiano.", story_en="")

    changelist = client.get(CHANGELIST).content.decode()
    assert "Manca: storia della relazione (inglese)" in changelist
    missing = client.get(CHANGELIST, {"translation": "missing"})
    assert [record.slug for record in missing.context["cl"].result_list] == ["nagoya"]
    complete = client.get(CHANGELIST, {"translation": "complete"})
    assert "nagoya" not in [record.slug for record in complete.context["cl"].result_list]

    report = client.get("/admin/translations/")
    assert report.status_code == 200
    (section,) = [s for s in report.context["sections"] if s["rows"][0]["record"] == partner]
    assert section["count"] == 1
    assert section["rows"][0]["missing"] == "storia della relazione (inglese)"
    assert change_url(partner) in report.content.decode()


@pytest.mark.django_db
def test_the_report_says_so_when_everything_is_translated(client, editor):
    report = client.get("/admin/translations/")
    assert report.context["sections"] == []
    assert "Ogni scheda ha i suoi testi in italiano e in inglese." in report.content.decode()


@pytest.mark.django_db
def test_history_keeps_both_languages_of_every_version(client, editor):
    partner = Partner.objects.get(slug="nagoya")
    page = client.get(change_url(partner))
    response = client.post(change_url(partner), form_data(page, location_it="Prefettura di Aichi"))
    assert response.status_code == 302
    latest, earlier = partner.history.all()[:2]
    assert (latest.location_it, latest.location_en) == ("Prefettura di Aichi", "Aichi")
    assert earlier.location_it == "Aichi"
    assert latest.history_user == editor


@pytest.mark.django_db
def test_a_uniquely_named_record_is_saved_again_and_again(client, editor):
    """Historical copies of a unique name repeat it: their columns must not be unique (a 503 once)."""
    from relations.models import Domain

    music = Domain.objects.get(slug="music")
    for summary in ["Musica", "Musica e suono"]:
        page = client.get(change_url(music))
        assert client.post(change_url(music), form_data(page, name_it=summary)).status_code == 302
    assert music.history.count() == 3


@pytest.mark.django_db
def test_admin_search_finds_a_record_by_its_text_in_either_language_without_accents(client, editor):
    Partner.objects.filter(slug="nagoya").update(location_it="Città nella prefettura di Aichi")
    for typed in ["citta", "CITTÀ", "prefettura", "Aichi"]:
        found = client.get(CHANGELIST, {"q": typed}).context["cl"].result_list
        assert "nagoya" in [record.slug for record in found], typed
