"""The editors' groups, created (and kept up to date) after every ``migrate``.

* Editor: view, add and change content; no deleting, no publishing, no users.
* Publisher: what an Editor may do, plus publish, unpublish and delete content.
"""

from django.apps import apps

CONTENT_APPS = ("relations", "trade")
EDITOR = "Editor"
PUBLISHER = "Publisher"


def content_permissions(actions):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label__in=CONTENT_APPS, codename__regex=rf"^({'|'.join(actions)})_"
    )


def ensure_roles(**kwargs):
    """post_migrate receiver: create both groups and give them exactly their permissions."""
    if not apps.is_installed("django.contrib.auth"):
        return
    from django.contrib.auth.models import Group

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(content_permissions(["view", "add", "change"]))
    publisher, _ = Group.objects.get_or_create(name=PUBLISHER)
    publisher.permissions.set(content_permissions(["view", "add", "change", "delete", "publish"]))
