"""One save, one version; no version without a change; no change listed that nobody made (issue 24)."""

import pytest
from django.contrib.auth.models import User

from relations.models import Agreement, Domain, Partner, SourceSection
from tests.admin.helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(User.objects.create_superuser("storica", password="x" * 16))
    return client


def test_saving_a_new_agreement_with_partners_and_domains_makes_one_version(editor):
    page = editor.get("/admin/relations/agreement/add/")
    data = form_data(
        page,
        title_it="Nuovo accordo",
        title_en="New agreement",
        kind="cooperation-agreement",
        date_year="2020",
        source_section=str(SourceSection.objects.first().pk),
    )
    data["partners"] = [str(Partner.objects.get(slug="nagoya").pk)]
    data["domains"] = [str(Domain.objects.get(slug="music").pk)]
    assert editor.post("/admin/relations/agreement/add/", data).status_code == 302
    agreement = Agreement.objects.get(title_en="New agreement")
    versions = list(agreement.history.all())
    assert [version.history_type for version in versions] == ["+"]
    assert [partner.slug for partner in versions[0].instance.partners.all()] == ["nagoya"]


def test_saving_again_without_a_change_adds_no_version(editor):
    agreement = Agreement.objects.get(slug="bologna-seongnam-memorandum-of-understanding")
    url = f"/admin/relations/agreement/{agreement.pk}/change/"
    before = agreement.history.count()
    assert editor.post(url, form_data(editor.get(url))).status_code == 302
    assert agreement.history.count() == before


def test_a_change_of_one_text_lists_that_text_once(editor):
    partner = Partner.objects.get(slug="nagoya")
    url = f"/admin/relations/partner/{partner.pk}/change/"
    before = partner.history.count()
    editor.post(url, form_data(editor.get(url), location_it="Prefettura di Aichi"))
    assert partner.history.count() == before + 1
    response = editor.get(f"/admin/relations/partner/{partner.pk}/history/")
    newest = response.context["page_obj"][0]
    assert [(change["field"], change["new"]) for change in newest.history_delta_changes] == [
        ("Location [it]", "Prefettura di Aichi")  # not "Location" too, nor the empty texts it saved as ""
    ]
