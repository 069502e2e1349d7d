from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Site-wide pages (home, about, search) and the operators' commands."""

    name = "portal"
    verbose_name = "Portal"
