from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TradeConfig(AppConfig):
    name = "trade"
    verbose_name = _("Business & Asia")

    def ready(self):
        from relations.panels import register_panel

        from . import panels

        register_panel("country", panels.country_trade_panel)
        register_panel("country", panels.country_strategy_panel)
        register_panel("organisation", panels.organisation_strategy_panel)
