"""System checks: the maps' geometry is built, and for a deployment (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error, Warning, register


@register(deploy=True)
def base_url_is_set(app_configs, **kwargs):
    """Canonical links, the sitemap and cached pages need the public address, not the request's Host."""
    if settings.PORTAL_BASE_URL:
        return []
    return [
        Warning(
            "DJANGO_BASE_URL is not set, so canonical links use the address each request came to.",
            hint="Set DJANGO_BASE_URL to the portal's public address, e.g. https://portal.example.org.",
            id="portal.W001",
        )
    ]


@register(deploy=True)
def contact_email_is_set(app_configs, **kwargs):
    """DCAT-AP_IT requires the catalogue's contact point to have an e-mail address."""
    if settings.PORTAL_INSTITUTION["email"]:
        return []
    return [
        Warning(
            "PORTAL_CONTACT_EMAIL is empty, so the DCAT-AP_IT catalogue has no contact e-mail (a mandatory element).",
            hint="Set PORTAL_CONTACT_EMAIL to the address of the office that answers for the portal's data.",
            id="portal.W002",
        )
    ]


@register()
def map_geometry_is_built(app_configs, **kwargs):
    """The maps read Natural Earth's countries cut to Asia, which `make static` builds: without
    them every map page would fail, so say so before serving."""
    from pathlib import Path

    if Path(settings.PORTAL_MAP_GEOMETRY).is_file():
        return []
    return [
        Error(
            f"The maps' geometry {settings.PORTAL_MAP_GEOMETRY} is missing.",
            hint="Run `make static` (it builds it from npm's world-atlas with scripts/build_map.py).",
            id="portal.E001",
        )
    ]
