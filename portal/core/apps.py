from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The building blocks every app uses. Imports no app of the portal (tests/test_layers.py)."""

    name = "portal.core"
    label = "core"
    verbose_name = "Building blocks"
