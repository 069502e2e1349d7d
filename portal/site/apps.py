from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The site: home, about, search, sitemaps, composite pages, the admin site, operators' commands.

    The editors' groups are kept after every migrate. Of its own models, the footer's pages are
    public content (``public_content``, read by ``portal.core.caching``).
    """

    default = True  # this module also holds the admin's config
    name = "portal.site"
    label = "site"
    verbose_name = _("Portal")
    public_content = ("infopage",)

    def ready(self):
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="portal.ensure_roles")


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "portal.site.admin_site.PortalAdminSite"
