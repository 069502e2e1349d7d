"""System checks for a deployment (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Warning, register


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
