"""Bar charts of comparable figures, as plain data for a template to draw.

A chart holds only figures that can honestly stand side by side: one measure, against one base,
for one period — which only the editors can tell, by giving the figures the same comparable
series (``Figure.series``) — and, as a safeguard, the same kind of unit and the same territory
(the Region's exports to Japan are never drawn beside one province's trade with Korea), and for
amounts the same currency (an amount whose currency the source does not state is never drawn
beside euros). A figure in no series is in no chart: "14.6% of the exports go to Asia" and
"about 65% of the exports are mechanical products and fashion" are shares of different wholes.
Shares are drawn on a 0–100% scale; the other charts on one scale from zero to their largest
value. Every bar's track has the same width, so one scale holds whatever the lengths of the
labels. The template draws each bar as a small SVG hidden from screen readers; the figures are
in the chart's text summary and in its table.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# (slug, title, units, whether the scale is 0-100%)
CHART_GROUPS = [
    ("shares", _("Shares, in percent (scale 0–100%)"), {"percent"}, True),
    ("changes", _("Changes over time, in percent"), {"percent-change"}, False),
    ("euro", _("Trade values, in euro"), {"euro"}, False),
    ("amounts", _("Trade values, currency not stated in the source"), {"currency-not-stated"}, False),
]


@dataclass
class Bar:
    figure: object
    length: float  # percent of the track's width, 0-100

    @property
    def length_attr(self):
        return f"{self.length:.1f}%"

    @property
    def is_negative(self):
        return self.figure.value < 0


@dataclass
class BarChart:
    slug: str
    title: str
    territory: object
    bars: list
    full_scale: bool  # drawn on 0-100%, not on 0-largest

    @property
    def largest(self):
        return max(self.bars, key=lambda bar: bar.figure.value).figure

    @property
    def smallest(self):
        return min(self.bars, key=lambda bar: bar.figure.value).figure


def bar_charts(figures):
    """One chart per comparable series, unit group and territory that has at least two figures."""
    charts = []
    for slug, title, units, full_scale in CHART_GROUPS:
        groups = {}
        for figure in figures:
            if figure.series and figure.unit in units:
                groups.setdefault((figure.series, figure.territory), []).append(figure)
        for (series, territory), members in groups.items():
            if len(members) < 2:
                continue
            largest = 100 if full_scale else (max(abs(figure.value) for figure in members) or 1)
            bars = [
                Bar(figure=figure, length=min(float(abs(figure.value) / largest * 100), 100.0)) for figure in members
            ]
            charts.append(
                BarChart(
                    slug=f"{slug}-{series}-{territory.slug}",
                    title=title,
                    territory=territory,
                    bars=bars,
                    full_scale=full_scale,
                )
            )
    return charts
