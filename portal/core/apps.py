from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The building blocks every app uses. Imports no app of the portal (tests/test_layers.py).

    It wires its own parts: a save or delete of public content (as each app declares it,
    ``public_content``) bumps the page cache's content version; a staff login is noted for the
    cache; an image's renditions go when django-cleanup deletes its file; the system checks; the
    names of the automatic tables of many-to-many links, in the editor's words.
    """

    name = "portal.core"
    label = "core"
    verbose_name = "Building blocks"

    def ready(self):
        from django.apps import apps
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from django_cleanup.signals import cleanup_post_delete

        from . import checks  # noqa: F401 - registers the system checks (the maps, a deployment)
        from .admin_grammar import name_link_tables
        from .caching import bump_content_version, remember_staff_session
        from .images import delete_renditions

        name_link_tables(apps.get_models())
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_content_version, dispatch_uid=f"portal.bump_content_version.{signal}")
        user_logged_in.connect(remember_staff_session, dispatch_uid="portal.remember_staff_session")
        cleanup_post_delete.connect(delete_renditions, dispatch_uid="portal.delete_renditions")
