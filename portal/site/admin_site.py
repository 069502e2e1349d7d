"""The editors' admin site: its look, and the content in the order editors think of it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# The admin index in the order editors think of the content, not alphabetical.
ADMIN_ORDER = {
    "relations": [
        "Agreement",
        "Milestone",
        "Partner",
        "Country",
        "Organisation",
        "Network",
        "Signatory",
        "NetworkMembership",
        "Source",
        "SourceSection",
        "Domain",
        "WorldRegion",
    ],
    "trade": ["Figure", "TradeProfile", "Strategy", "StrategyTarget", "Territory"],
    "auth": ["User", "Group"],
}


class PortalAdminSite(admin.AdminSite):
    site_header = _("Emilia-Romagna & Asia — editors")
    site_title = _("Emilia-Romagna & Asia admin")
    index_title = _("Content of the portal")

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        app_rank = {label: rank for rank, label in enumerate(ADMIN_ORDER)}
        app_list.sort(key=lambda app: app_rank.get(app["app_label"], len(app_rank)))
        for app in app_list:
            order = ADMIN_ORDER.get(app["app_label"], [])
            app["models"].sort(
                key=lambda model: order.index(model["object_name"]) if model["object_name"] in order else len(order)
            )
        return app_list
