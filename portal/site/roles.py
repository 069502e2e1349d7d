"""The editors' groups, created (and kept up to date) after every ``migrate``.

* Editor: view, add and change content; no deleting, no publishing, no users.
* Publisher: what an Editor may do, plus publish, unpublish and delete content.
"""

from django.apps import apps

CONTENT_APPS = ("relations", "trade")
# The site's own models editors work with: the footer's pages (they change, never add or delete
# them: the set is fixed) and the "was this page useful?" counts (a report, read only).
SITE_PERMISSIONS = {"Editor": ["view_infopage", "change_infopage", "view_pagerating"]}
EDITOR = "Editor"
PUBLISHER = "Publisher"


def content_permissions(actions):
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    return Permission.objects.filter(
        Q(content_type__app_label__in=CONTENT_APPS, codename__regex=rf"^({'|'.join(actions)})_")
        | Q(content_type__app_label="site", codename__in=SITE_PERMISSIONS["Editor"])
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
