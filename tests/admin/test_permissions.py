"""Roles: the permission matrix of anonymous, Editor, Publisher and superuser on content."""

import pytest
from django.contrib.auth.models import Group, User

from portal.site.roles import EDITOR, PUBLISHER
from relations.models import Partner

CHANGELIST = "/admin/relations/partner/"


@pytest.fixture
def users(db):
    editor = User.objects.create_user("editor", password="x" * 16, is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    publisher = User.objects.create_user("publisher", password="x" * 16, is_staff=True)
    publisher.groups.add(Group.objects.get(name=PUBLISHER))
    superuser = User.objects.create_superuser("root", password="x" * 16)
    return {"anonymous": None, "editor": editor, "publisher": publisher, "superuser": superuser}


def can_view(client, partner):
    return client.get(CHANGELIST).status_code == 200


def can_add(client, partner):
    return client.get(f"{CHANGELIST}add/").status_code == 200


def can_change(client, partner):
    response = client.get(f"{CHANGELIST}{partner.pk}/change/")
    return response.status_code == 200 and 'name="name_it"' in response.content.decode()


def can_delete(client, partner):
    return client.get(f"{CHANGELIST}{partner.pk}/delete/").status_code == 200


def can_publish(client, partner):
    partner.is_published = False
    partner.save()
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [partner.pk]})
    partner.refresh_from_db()
    return partner.is_published


MATRIX = {
    #               view   add    change delete publish
    "anonymous": (False, False, False, False, False),
    "editor": (True, True, True, False, False),
    "publisher": (True, True, True, True, True),
    "superuser": (True, True, True, True, True),
}
CHECKS = [can_view, can_add, can_change, can_delete, can_publish]


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(client, users, role):
    if users[role]:
        client.force_login(users[role])
    partner = Partner.objects.get(slug="nagoya")
    actual = tuple(check(client, partner) for check in CHECKS)
    assert actual == MATRIX[role]


def test_groups_exist_after_migrate_with_exactly_their_permissions(db):
    editor = set(Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True))
    publisher = set(Group.objects.get(name=PUBLISHER).permissions.values_list("codename", flat=True))
    assert {"add_agreement", "change_agreement", "view_figure"} <= editor
    assert not {code for code in editor if code.startswith(("delete_", "publish_"))}
    assert not {code for code in editor if code.endswith("_user")}
    assert {"delete_agreement", "publish_agreement", "publish_figure", "publish_partner"} <= publisher
    assert editor < publisher


def test_editor_cannot_tick_published_and_new_records_start_as_drafts(client, users):
    client.force_login(users["editor"])
    response = client.get(f"{CHANGELIST}add/")
    assert 'name="is_published"' not in response.content.decode()
    assert Partner._meta.get_field("is_published").default is False


def test_staff_preview_and_view_on_site_link(client, users):
    partner = Partner.objects.get(slug="nagoya")
    partner.is_published = False
    partner.save()
    assert client.get(partner.get_absolute_url()).status_code == 404
    client.force_login(users["editor"])
    change_page = client.get(f"{CHANGELIST}{partner.pk}/change/").content.decode()
    assert "View on site" in change_page
    preview = client.get(partner.get_absolute_url())
    assert preview.status_code == 200
    assert "Draft preview" in preview.content.decode()
