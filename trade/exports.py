"""The figures as data (portal.core.exports): every number with its unit, qualifier, reference year
or period, flow, territory, counterpart and source."""

from django.utils.translation import gettext_lazy as _

from portal.core.exports import Column, Dataset, ForeignKey
from relations.exports import IDENTITY, SOURCED


def reference_year(figure):
    return figure.end_year if figure.end_year and not figure.start_year else ""


FIGURES = Dataset(
    "figures",
    _("Figures"),
    _("The trade and economic figures of Emilia-Romagna with Asia, each with its unit, year and source."),
    [
        *IDENTITY,
        Column("label", "string", _("Short title."), lambda r: r.label),
        Column("measure", "string", _("What is measured."), lambda r: r.measure),
        Column("value", "number", _("The value, in the unit of the unit column."), lambda r: r.value),
        Column(
            "unit",
            "string",
            _("percent, percent-change, rank, people, euro, or currency-not-stated."),
            lambda r: r.unit,
        ),
        Column("qualifier", "string", _("more-than or about; empty when exact."), lambda r: r.qualifier),
        Column("reference_year", "integer", _("The year of the figure, when it is one year."), reference_year),
        Column("period_start", "integer", _("First or base year of a period or change."), lambda r: r.start_year),
        Column(
            "period_end", "integer", _("Last year of a period or change."), lambda r: r.end_year if r.start_year else ""
        ),
        Column("year_not_stated", "boolean", _("true when the source gives no year."), lambda r: r.is_year_not_stated),
        Column(
            "flow",
            "string",
            _("export or import, seen from Emilia-Romagna; empty if not a trade flow."),
            lambda r: r.flow,
        ),
        Column("sector", "string", _("Goods concerned, if stated."), lambda r: r.sector),
        Column(
            "territory", "string", _("The Emilia-Romagna territory described (identifier)."), lambda r: r.territory.slug
        ),
        Column(
            "country",
            "string",
            _("Partner country (identifier), if any."),
            lambda r: r.country.slug if r.country else "",
        ),
        Column(
            "world_region",
            "string",
            _("Partner world region (identifier), if any."),
            lambda r: r.world_region.slug if r.world_region else "",
        ),
        *SOURCED,
    ],
    foreign_keys=(ForeignKey("country", "countries"),),
)
