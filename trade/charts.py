"""Bar charts of figures that share a unit, as plain data for a template to draw.

The figures are few and of mixed units (shares, changes, amounts), so each chart groups the
figures of one unit; the template draws each bar as a small SVG beside readable HTML text and
the same numbers are always in a table below.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CHART_GROUPS = [
    ("shares", _("Shares, in percent"), {"percent"}),
    ("changes", _("Changes over time, in percent"), {"percent-change"}),
    ("amounts", _("Trade values"), {"euro", "currency-not-stated"}),
]


@dataclass
class Bar:
    figure: object
    length: float  # percent of the chart's width, 0-100

    @property
    def length_attr(self):
        return f"{self.length:.1f}%"


@dataclass
class BarChart:
    slug: str
    title: str
    bars: list


def bar_charts(figures):
    """One chart per unit group that has at least two figures; bars scaled to the group's largest."""
    charts = []
    for slug, title, units in CHART_GROUPS:
        members = [figure for figure in figures if figure.unit in units]
        if len(members) < 2:
            continue
        largest = max(abs(figure.value) for figure in members) or 1
        bars = [Bar(figure=figure, length=float(abs(figure.value) / largest * 100)) for figure in members]
        charts.append(BarChart(slug=slug, title=title, bars=bars))
    return charts
