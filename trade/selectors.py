"""Reads for the Business & Asia pages, and trade's part of a country's or an organisation's page
(the site composes those pages: portal/site/selectors.py)."""

from django.db.models import Prefetch

from relations.models import SourceSection

from .models import Figure, Strategy, StrategyTarget, TradeProfile

FIGURE_LIMIT = 20  # figures in a country's trade panel
OVERVIEW_FIGURES = 40  # figures on Business & Asia, by position
BUSINESS_SOURCE = "business-and-asia"


def country_trade(*, country):
    """A country's figures, trade profile and the strategies that target it."""
    return {
        "figures": list(Figure.objects.published().for_tables().filter(country=country)[:FIGURE_LIMIT]),
        "trade_profile": TradeProfile.objects.published()
        .filter(country=country)
        .select_related("source_section__source")
        .first(),
        "strategy_links": list(
            StrategyTarget.objects.filter(country=country, strategy__is_published=True)
            .select_related("strategy", "source_section__source")
            .order_by("strategy__name")
        ),
    }


def organisation_strategies(*, organisation):
    """The published strategies an organisation adopted."""
    return {"strategies": list(organisation.strategies.published())}


def featured_figures():
    return list(Figure.objects.published().for_tables().filter(is_featured=True))


def overview():
    """Everything on the Business & Asia page: the Region's standing, figures per country, profiles."""
    # By position (indexed): the page groups them by country itself, and stays bounded at any scale.
    figures = list(Figure.objects.published().for_tables().order_by("position", "label")[:OVERVIEW_FIGURES])
    regional = [figure for figure in figures if figure.country_id is None]
    by_country = {}
    for figure in figures:
        if figure.country_id is not None:
            by_country.setdefault(figure.country, []).append(figure)
    return {
        "regional_figures": sorted(regional, key=lambda figure: (figure.position, figure.label)),
        "figures_by_country": sorted(by_country.items(), key=lambda item: item[0].name),
        "all_figures": figures,
        "profiles": list(TradeProfile.objects.published().select_related("country", "source_section__source")),
        "strategies": list(
            Strategy.objects.published()
            .select_related("owner", "source_section__source")
            .prefetch_related(
                Prefetch(
                    "target_links",
                    queryset=StrategyTarget.objects.filter(country__is_published=True).select_related("country"),
                )
            )
        ),
        "sections": list(
            SourceSection.objects.filter(source__slug=BUSINESS_SOURCE).exclude(lead="").select_related("source")
        ),
    }
