from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The main navigation: (view name, label, the views whose pages belong to that section).
NAVIGATION = [
    ("relations:country-list", _("Countries"), {"portal:country-detail"}),
    ("relations:partner-list", _("Partners"), {"relations:partner-detail"}),
    ("relations:agreement-list", _("Agreements"), {"relations:agreement-detail"}),
    ("relations:timeline", _("Timeline"), {"relations:milestone-detail"}),
    ("trade:overview", _("Business & Asia"), {"trade:strategy-detail"}),
    ("portal:about", _("About & sources"), {"portal:source-detail"}),
]


@dataclass(frozen=True)
class NavigationItem:
    url: str
    label: str
    is_current: bool  # this very page: aria-current="page"
    is_section: bool  # a page within this section


def site(request):
    """Site name, canonical base address and the main navigation, for every template.

    The base address is DJANGO_BASE_URL; without it (development) it is the address the request
    came to, so `make run PORT=8123` links to port 8123. The navigation's current item comes from
    the resolved URL name, not from the path.
    """
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else None
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_base_url": settings.PORTAL_BASE_URL or f"{request.scheme}://{request.get_host()}",
        "navigation": [
            NavigationItem(reverse(name), label, current == name, current in section)
            for name, label, section in NAVIGATION
        ],
    }
