from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import post_migrate


class PortalConfig(AppConfig):
    """Site-wide pages (home, about, search), the admin site and the operators' commands."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="portal.ensure_roles")


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin.PortalAdminSite"
