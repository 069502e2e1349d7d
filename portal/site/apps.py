from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site: home, about, search, sitemaps, composite pages, the admin site, operators' commands.

    It wires the building blocks to the content apps: any change to content bumps the page cache's
    content version, the editors' groups are kept after every migrate, and an image's renditions
    go when django-cleanup deletes its file.
    """

    default = True  # this module also holds the admin's config
    name = "portal.site"
    label = "site"
    verbose_name = _("Portal")

    def ready(self):
        from django_cleanup.signals import cleanup_post_delete

        from portal.core import checks  # noqa: F401 - registers the system checks (the maps, a deployment)
        from portal.core.caching import bump_content_version, connect_signals
        from portal.core.images import delete_renditions

        from .roles import ensure_roles

        connect_signals()
        post_migrate.connect(ensure_roles, dispatch_uid="portal.ensure_roles")
        cleanup_post_delete.connect(delete_renditions, dispatch_uid="portal.delete_renditions")
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_content_version, dispatch_uid=f"portal.bump_content_version.{signal}")


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "portal.site.admin_site.PortalAdminSite"
