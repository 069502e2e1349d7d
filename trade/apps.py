from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TradeConfig(AppConfig):
    name = "trade"
    verbose_name = _("Business & Asia")
    public_content = True  # every save changes public pages (portal.core.caching)
