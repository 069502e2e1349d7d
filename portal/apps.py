from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


class PortalConfig(AppConfig):
    """Site-wide pages (home, about, search), the admin site and the operators' commands."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from django_cleanup.signals import cleanup_post_delete

        from . import checks  # noqa: F401 - registers the deploy checks
        from .caching import bump_content_version, connect_signals
        from .images import delete_renditions
        from .roles import ensure_roles
        from .search import ensure_search_indexes

        connect_signals()
        cleanup_post_delete.connect(delete_renditions, dispatch_uid="portal.delete_renditions")
        post_migrate.connect(ensure_roles, dispatch_uid="portal.ensure_roles")
        post_migrate.connect(ensure_search_indexes, dispatch_uid="portal.ensure_search_indexes")
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_content_version, dispatch_uid=f"portal.bump_content_version.{signal}")


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin.PortalAdminSite"
