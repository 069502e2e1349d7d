"""Trade blocks on relations' country pages (registered in ``TradeConfig.ready``)."""

from relations.panels import Panel

from . import selectors


def country_trade_panel(country):
    figures = selectors.figures_for_country(country=country)
    profile = selectors.trade_profile_for_country(country=country)
    if not figures and profile is None:
        return None
    return Panel("trade/includes/country_trade_panel.html", {"figures": figures, "profile": profile})


def country_strategy_panel(country):
    links = selectors.strategy_links_for_country(country=country)
    if not links:
        return None
    return Panel("trade/includes/country_strategy_panel.html", {"strategy_links": links})


def organisation_strategy_panel(organisation):
    strategies = list(organisation.strategies.published())
    if not strategies:
        return None
    return Panel("trade/includes/organisation_strategy_panel.html", {"strategies": strategies})
