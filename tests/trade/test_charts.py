"""Charts that do not mislead (issues 14 and 22): only figures of one comparable series together,
shares on 0-100%, a summary a person would write."""

from decimal import Decimal

import pytest

from tests.factories import FigureFactory, TerritoryFactory
from trade.charts import bar_charts
from trade.models import Figure

pytestmark = pytest.mark.django_db


def test_shares_are_drawn_on_a_0_to_100_scale():
    figures = [FigureFactory(value=Decimal("14.6"), series="s"), FigureFactory(value=Decimal("65"), series="s")]
    (chart,) = bar_charts(figures)
    assert chart.full_scale
    assert [bar.length for bar in chart.bars] == [pytest.approx(14.6), pytest.approx(65.0)]  # not 22% and 100%


def test_other_units_are_drawn_from_zero_to_their_largest_value():
    changes = [
        FigureFactory(value=Decimal("49.5"), unit=Figure.Unit.PERCENT_CHANGE, series="changes-2010-2019"),
        FigureFactory(value=Decimal("10"), unit=Figure.Unit.PERCENT_CHANGE, series="changes-2010-2019"),
    ]
    (chart,) = bar_charts(changes)
    assert not chart.full_scale
    assert [bar.length_attr for bar in chart.bars] == ["100.0%", "20.2%"]


def test_figures_of_different_territories_are_never_drawn_together():
    region = TerritoryFactory()
    province = TerritoryFactory(slug="province-of-reggio-emilia", name="Province of Reggio Emilia")
    amounts = [
        FigureFactory(value=916_000_000, unit=Figure.Unit.CURRENCY_NOT_STATED, territory=region, series="a"),
        FigureFactory(value=60_000_000, unit=Figure.Unit.CURRENCY_NOT_STATED, territory=province, series="a"),
        FigureFactory(value=30_000_000, unit=Figure.Unit.CURRENCY_NOT_STATED, territory=province, series="a"),
    ]
    charts = bar_charts(amounts)
    assert [(chart.territory, len(chart.bars)) for chart in charts] == [(province, 2)]  # one figure: no chart
    assert "currency not stated" in str(charts[0].title)


def test_euros_and_amounts_without_a_currency_are_never_drawn_together():
    figures = [
        FigureFactory(value=5, unit=Figure.Unit.EURO, series="a"),
        FigureFactory(value=6, unit=Figure.Unit.CURRENCY_NOT_STATED, series="a"),
    ]
    assert bar_charts(figures) == []


def test_the_chart_says_its_unit_and_territory_and_lists_its_figures_as_a_table(client):
    FigureFactory(label="Share to Asia", value=Decimal("14.6"), is_featured=True, series="shares-2018")
    FigureFactory(label="Share of mechanics", value=Decimal("65"), series="shares-2018")
    content = client.get("/en/business/").content.decode()
    chart = content.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]
    assert "Shares, in percent (scale 0–100%)" in chart and "Emilia-Romagna Region" in chart
    assert "The highest is “Share of mechanics”, at 65%; the lowest is “Share to Asia”, at 14.6%." in chart
    assert '<ul class="bars" aria-hidden="true">' in chart
    table = chart.split("<table>", 1)[1]
    assert "Share to Asia" in table and "Share of mechanics" in table
    assert 'width="65.0%"' in chart and 'width="14.6%"' in chart


def test_figures_outside_one_comparable_series_are_never_drawn_together():
    """Issue 22, item 9: shares of different wholes, or changes over different periods, are separate."""
    figures = [
        FigureFactory(value=Decimal("14.6")),  # export share to Asia: in no series
        FigureFactory(value=Decimal("65")),  # "about 65%" of an unknown whole: in no series
        FigureFactory(value=Decimal("49.5"), unit=Figure.Unit.PERCENT_CHANGE, series="change-since-2010"),
        FigureFactory(value=Decimal("10"), unit=Figure.Unit.PERCENT_CHANGE, series="change-2010-2019"),
    ]
    assert bar_charts(figures) == []


def test_the_seed_figures_draw_no_chart_as_none_of_them_compare(client, seed):
    content = client.get("/en/business/").content.decode()
    assert '<figure class="chart"' not in content
    assert "+49.5%" in content and "+10%" in content  # still in the tables, each with its own period


def test_the_chart_summary_is_a_sentence_in_italian_too(client):
    FigureFactory(label="Quota verso l'Asia", value=Decimal("14.6"), series="quote-2018")
    FigureFactory(label="Quota della meccanica", value=Decimal("65"), series="quote-2018")
    content = client.get("/it/business/").content.decode()
    summary = (
        "Il dato più alto è «Quota della meccanica», con 65%; il più basso è «Quota verso l&#x27;Asia», con 14,6%."
    )
    assert summary in content
