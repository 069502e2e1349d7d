"""The relations lists as data (portal.core.exports): agreements, partners, milestones,
organisations, countries; the lists name each other's records by identifier (foreign keys).

One file per language: the texts are in the language of the address (``/it/data/…``), the
identifiers, codes and dates the same in both.
"""

from django.utils.translation import gettext_lazy as _

from portal.core.exports import Column, Dataset, ForeignKey, joined
from portal.core.licence import data_licence
from portal.core.text import plain_text


def page_url(record, request):
    return request.build_absolute_uri(record.get_absolute_url())


def date_precision(record):
    if record.date_year is None:
        return "recently" if record.date_qualifier == "recently" else "undated"
    return "day" if record.date_day else "month" if record.date_month else "year"


def licence(record):
    return data_licence().name


def identifiers(relation, description):
    """The identifiers of a record's related records (``relation``, a many-to-many), joined by "; "."""
    return Column(relation, "string", description, lambda r: joined(o.slug for o in getattr(r, relation).all()))


SUMMARY = Column("summary", "string", _("Summary, plain text."), lambda r: plain_text(r.summary))
IDENTITY = [
    Column("id", "string", _("Stable identifier (the last part of the page's address)."), lambda r: r.slug),
    Column("url", "string", _("The record's page on the portal."), page_url, needs_request=True, format="uri"),
]
DATED = [
    Column(
        "date",
        "string",
        _("ISO 8601 date, as precise as known: 2015, 2015-11 or 2015-11-20; empty if none."),
        lambda r: r.date_iso,
    ),
    Column("date_precision", "string", _("year, month, day, recently (no date stated) or undated."), date_precision),
    Column(
        "date_qualifier",
        "string",
        _('"since" when the date is a beginning; empty otherwise.'),
        lambda r: r.date_qualifier if r.date_qualifier != "recently" else "",
    ),
    Column(
        "date_in_source",
        "string",
        _("When the editors corrected the date: the date as the source states it; empty otherwise."),
        lambda r: r.date_in_source,
    ),
    Column(
        "date_source",
        "string",
        _("When the editors corrected the date: the source of the date given (source/section identifiers)."),
        lambda r: section_id(r.date_source),
    ),
]
SOURCED = [
    Column("source", "string", _("Identifier of the source document."), lambda r: r.source_section.source.slug),
    Column("source_title", "string", _("Title of the source document."), lambda r: r.source_section.source.title),
    Column(
        "source_publisher",
        "string",
        _("Publisher of the source; empty when it does not say."),
        lambda r: r.source_section.source.publisher,
    ),
    Column(
        "source_date",
        "date",
        _("Date of the source document; empty when not stated."),
        lambda r: r.source_section.source.document_date,
    ),
    Column(
        "source_url",
        "string",
        _("Where the source can be read; empty when not stated."),
        lambda r: r.source_section.source.url,
        format="uri",
    ),
    Column("section", "string", _("Identifier of the section of the source."), lambda r: r.source_section.slug),
    Column("section_title", "string", _("Title of the section of the source."), lambda r: r.source_section.title),
    Column(
        "editor_note", "string", _("The editors' note on the fact: a correction or interpretation."), lambda r: r.note
    ),
    Column("licence", "string", _("Licence of the data."), licence),
]


def countries_concerned(record):
    """The countries an agreement or milestone concerns: its own, and its partners' (in that order)."""
    countries = {country.slug: None for country in record.countries.all()}
    countries.update({partner.country.slug: None for partner in record.partners.all()})
    return joined(countries)


def section_id(section):
    """A source section as one identifier, ``source/section``; empty when there is none."""
    return f"{section.source.slug}/{section.slug}" if section is not None else ""


def signatories(agreement):
    return joined(f"{signatory.side}:{signatory.party.slug}" for signatory in agreement.signatories.all())


def signatory_representatives(agreement):
    """The people the source names for a signatory, as side:identifier:person."""
    return joined(
        f"{signatory.side}:{signatory.party.slug}:{signatory.represented_by}"
        for signatory in agreement.signatories.all()
        if signatory.represented_by
    )


def signatory_levels(agreement):
    return joined(f"{signatory.side}:{signatory.level}" for signatory in agreement.signatories.all())


def slug_of(record):
    return record.slug if record is not None and record.is_published else ""


AGREEMENTS = Dataset(
    "agreements",
    _("Agreements"),
    _("Agreements between Emilia-Romagna, Bologna and their Asian partners, with their signatories and sources."),
    [
        *IDENTITY,
        Column("title", "string", _("Title."), lambda r: r.title),
        Column("kind", "string", _("Kind of agreement (code)."), lambda r: r.kind),
        Column(
            "status",
            "string",
            _("Status (code): in-force, expired, superseded, or not-stated when no source states it."),
            lambda r: r.status,
        ),
        Column(
            "status_source",
            "string",
            _("The source of the status (source/section identifiers); empty when not stated."),
            lambda r: section_id(r.status_source),
        ),
        *DATED,
        Column(
            "entered_into_force",
            "date",
            _("Date of entry into force; empty when not stated."),
            lambda r: r.entered_into_force_on,
        ),
        Column(
            "entry_into_force_source",
            "string",
            _("The source of the entry into force (source/section identifiers); empty when not stated."),
            lambda r: section_id(r.entry_into_force_source),
        ),
        Column("term_years", "integer", _("Term in years; empty when not stated."), lambda r: r.term_years),
        Column(
            "renewal",
            "string",
            _("automatic, by-decision, or empty when not stated."),
            lambda r: r.renewal,
        ),
        Column("ends_on", "date", _("Date the agreement ends or ended; empty when not stated."), lambda r: r.ends_on),
        Column(
            "term_source",
            "string",
            _("The source of the term, renewal and end (source/section identifiers); empty when none is stated."),
            lambda r: section_id(r.term_source),
        ),
        Column("revises", "string", _("The agreement it revises (identifier)."), lambda r: slug_of(r.revises)),
        Column(
            "superseded_by",
            "string",
            _("The agreement that superseded it (identifier)."),
            lambda r: slug_of(r.superseded_by),
        ),
        Column(
            "countries",
            "string",
            _("Countries concerned, its partners' included (identifiers, separated by “; ”)."),
            countries_concerned,
        ),
        identifiers("partners", _("Partners (identifiers).")),
        Column("signatories", "string", _("Signatories as side:identifier (european or asian)."), signatories),
        Column(
            "signatory_representatives",
            "string",
            _("The people the source names for a signatory, as side:identifier:person."),
            signatory_representatives,
        ),
        Column(
            "signatory_levels",
            "string",
            _("The level of each signatory as side:level, in the order of the signatories."),
            signatory_levels,
        ),
        identifiers("domains", _("Domains (identifiers).")),
        SUMMARY,
        *SOURCED,
    ],
    foreign_keys=(ForeignKey("revises", "agreements"), ForeignKey("superseded_by", "agreements")),
)

MILESTONES = Dataset(
    "milestones",
    _("Milestones"),
    _("Dated events in the relations of Emilia-Romagna and Bologna with Asia, with their sources."),
    [
        *IDENTITY,
        Column("title", "string", _("Title."), lambda r: r.title),
        Column("kind", "string", _("Kind of event (code)."), lambda r: r.kind),
        *DATED,
        Column(
            "countries",
            "string",
            _("Countries concerned, its partners' included (identifiers)."),
            countries_concerned,
        ),
        identifiers("partners", _("Partners (identifiers).")),
        identifiers("organisations", _("Organisations involved (identifiers).")),
        SUMMARY,
        *SOURCED,
    ],
)

PARTNERS = Dataset(
    "partners",
    _("Partners"),
    _("The Asian cities, provinces and states Emilia-Romagna and Bologna work with."),
    [
        *IDENTITY,
        Column("name", "string", _("Name."), lambda r: r.name),
        Column("native_name", "string", _("Name in the local script."), lambda r: r.native_name),
        Column(
            "native_name_language",
            "string",
            _("Language of the local name (BCP 47)."),
            lambda r: r.native_name_language,
        ),
        Column("kind", "string", _("Kind (code)."), lambda r: r.kind),
        Column("country", "string", _("Country (identifier)."), lambda r: r.country.slug),
        Column("latitude", "number", _("Latitude (WGS 84)."), lambda r: r.latitude),
        Column("longitude", "number", _("Longitude (WGS 84)."), lambda r: r.longitude),
        *SOURCED,
    ],
    foreign_keys=(ForeignKey("country", "countries"),),
)

ORGANISATIONS = Dataset(
    "organisations",
    _("Organisations"),
    _("The bodies on both sides of the agreements and milestones."),
    [
        *IDENTITY,
        Column("name", "string", _("Name."), lambda r: r.name),
        Column("kind", "string", _("Kind (code)."), lambda r: r.kind),
        Column("side", "string", _("Side (code)."), lambda r: r.side),
        Column("country", "string", _("Country (identifier), if any."), lambda r: r.country.slug if r.country else ""),
        *SOURCED,
    ],
    foreign_keys=(ForeignKey("country", "countries"),),
)

COUNTRIES = Dataset(
    "countries",
    _("Countries"),
    _("The Asian countries and groupings of countries the portal covers, with what Emilia-Romagna does with each."),
    [
        *IDENTITY,
        Column("name", "string", _("Name."), lambda r: r.name),
        Column("official_name", "string", _("Official name, if different."), lambda r: r.official_name),
        Column("kind", "string", _("country or grouping."), lambda r: r.kind),
        Column("iso_code", "string", _("ISO 3166 two-letter code; empty for a grouping."), lambda r: r.iso_code),
        Column("world_region", "string", _("World region (identifier)."), lambda r: r.world_region.slug),
        identifiers("members", _("For a grouping: its member countries the portal covers (identifiers).")),
        Column(
            "lead",
            "string",
            _("What Emilia-Romagna and the country do together, plain text."),
            lambda r: plain_text(r.lead),
        ),
        Column(
            "lead_sources",
            "string",
            _("The other document sections the text draws on, besides its source (source/section identifiers)."),
            lambda r: joined(section_id(section) for section in r.lead_sources.all()),
        ),
        *SOURCED,
    ],
)
