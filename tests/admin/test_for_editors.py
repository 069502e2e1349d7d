"""The admin for non-developers (issue 14): content first, internal records apart, human labels,
readable link rows and history, a signatory form that says what to fill, a source cited in place."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User

from portal.site.roles import EDITOR
from relations.models import Milestone, Partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_user("editor", password="x" * 16, is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(editor)
    return client


def index_sections(content):
    """{section caption: [model names]} of the admin index."""
    sections = {}
    for block in re.split(r'<div class="app-[\w-]+ module', content)[1:]:
        caption = re.search(r"<caption>\s*<a [^>]*>([^<]+)</a>", block).group(1)
        sections[caption.strip()] = re.findall(r'<th scope="row"[^>]*>\s*<a href="[^"]+">([^<]+)</a>', block)
    return sections


def test_internal_records_are_apart_from_the_content_on_the_index(admin_client):
    sections = index_sections(admin_client.get("/admin/").content.decode())
    internal = sections.pop("Reached from their parents, and administration")
    content = [name for names in sections.values() for name in names]
    for name in ["Signatories", "Network memberships", "Source sections", "World regions", "Territories"]:
        assert name in internal and name not in content, name
    assert "Agreements" in content and "Information pages (footer)" in content
    assert "Access attempts" in internal


def test_internal_records_are_still_reachable(admin_client):
    assert admin_client.get("/admin/relations/signatory/").status_code == 200
    assert admin_client.get("/admin/trade/territory/").status_code == 200


def test_forms_speak_to_editors_not_developers(admin_client):
    content = admin_client.get("/admin/relations/milestone/add/").content.decode()
    for jargon in ["Slug", "Markdown", "BCP 47", "on / in", "Date wording"]:
        assert jargon not in content, jargon
    assert "Address of the page" in content
    assert "the date as given (on that day, in that month or year)" in content


def test_link_rows_show_what_they_link_to_without_a_nameless_heading(admin_client):
    """A link row's select names its milestone; the heading Django writes above it ("Milestone_partners
    object (1)") is hidden by the admin's stylesheet."""
    chongqing = Partner.objects.get(slug="chongqing")
    milestone = Milestone.objects.create(title="Library opens", slug="library", source_section=chongqing.source_section)
    milestone.partners.add(chongqing)
    content = admin_client.get(f"/admin/relations/partner/{chongqing.pk}/change/").content.decode()
    inline = content.split('id="Milestone_partners-group"', 1)[1].split("</fieldset>", 1)[0]
    assert 'class="module link-rows' in content.split('id="Milestone_partners-group"', 1)[1]
    assert "Library opens" in inline
    stylesheet = (Path(settings.BASE_DIR) / "static" / "css" / "admin.css").read_text()
    assert ".link-rows td.original p {\n  display: none;" in stylesheet
    assert '/static/css/admin.css"' in content


def test_history_has_no_change_reason_column(admin_client):
    chongqing = Partner.objects.get(slug="chongqing")
    content = admin_client.get(f"/admin/relations/partner/{chongqing.pk}/history/").content.decode()
    assert "Change reason" not in content and ">None<" not in content
    assert "What changed" in content and "See this version" in content


def test_the_signatory_form_says_which_party_field_to_fill(admin_client):
    content = admin_client.get("/admin/relations/agreement/add/").content.decode()
    assert "Who signed: fill one of the three" in content
    assert "for its national government" in content


def test_an_editor_can_cite_a_new_source_without_leaving_the_form(editor_client):
    content = editor_client.get("/admin/relations/milestone/add/").content.decode()
    # Django's "add another" beside the source section opens its form in a pop-up, itself able to add a source.
    assert 'id="add_id_source_section"' in content
    popup = editor_client.get("/admin/relations/sourcesection/add/?_to_field=id&_popup=1").content.decode()
    assert 'id="add_id_source"' in popup
