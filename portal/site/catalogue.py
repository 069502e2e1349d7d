"""The catalogue of the portal's datasets, as Turtle, for dati.gov.it and the EU's data portal.

It follows DCAT-AP_IT (the Italian profile: ``dcatapit:`` classes, IPA codes, its period
properties) and DCAT-AP 3.0.1 (SEMIC's European profile), and is checked against both in the
tests (pySHACL with SEMIC's shapes and the Italian profile's mandatory elements). A
``dcatapit:Catalog`` of one ``dcatapit:Dataset`` per downloadable list, each with its
``dcatapit:Distribution``s (CSV, JSON and XLSX, in Italian and in English), publisher and rights
holder (the institution, with its IPA code), licence, EU data themes, keywords, spatial and
temporal coverage, contact point and date of change. The EU vocabularies' concepts it uses are
described in it (their type and scheme), as the profiles' range and vocabulary rules read them.
Built with rdflib, so the output is well-formed RDF by construction; texts carry their language.
"""

import datetime

import pycountry
from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from portal.core.caching import content_version
from portal.core.licence import data_licence, names_by_language

from .downloads import DOWNLOADS, FORMATS, countries_covered

DCATAPIT = Namespace("http://dati.gov.it/onto/dcatapit#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
SCHEMA = Namespace("http://schema.org/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
LICENCE_TYPES = "http://purl.org/adms/licencetype/"

THEMES = {"figures": ["ECON", "INTR"]}  # the EU data themes; every other list is international relations
DEFAULT_THEMES = ["INTR", "GOVE"]
THEME_LABELS = {
    "ECON": ("Economia e finanze", "Economy and finance"),
    "INTR": ("Tematiche internazionali", "International issues"),
    "GOVE": ("Governo e settore pubblico", "Government and public sector"),
}
LANGUAGES = {"it": "ITA", "en": "ENG"}
LANGUAGE_LABELS = {"it": ("italiano", "Italian"), "en": ("inglese", "English")}
FILE_TYPES = {"csv": "CSV", "json": "JSON", "xlsx": "XLSX"}
DISTRIBUTION_DESCRIPTIONS = {
    "csv": _("CSV (RFC 4180, UTF-8, comma-separated), for programs; described by the portal's data package."),
    "json": _("JSON, an array of records with the same fields as the CSV."),
    "xlsx": _("XLSX workbook for spreadsheets: numbers, dates and texts typed as such, the header row frozen."),
}


def _texts(graph, subject, predicate, text):
    """One literal per language, each in its language (the lazily translated ``text``)."""
    for language in LANGUAGES:
        with translation.override(language):
            graph.add((subject, predicate, Literal(str(text), lang=language)))


def _concept(graph, scheme, code, kind=None, labels=()):
    """A concept of an EU vocabulary, described as its scheme describes it: a ``skos:Concept`` in
    ``scheme`` (and of the class DCAT-AP's ranges expect, ``kind``), with its labels."""
    concept = URIRef(f"{scheme}/{code}")
    graph.add((concept, RDF.type, SKOS.Concept))
    if kind is not None:
        graph.add((concept, RDF.type, kind))
    graph.add((concept, SKOS.inScheme, URIRef(scheme)))
    for language, label in zip(LANGUAGES, labels, strict=False):
        graph.add((concept, SKOS.prefLabel, Literal(label, lang=language)))
    return concept


def _agent(graph, base):
    institution = settings.PORTAL_INSTITUTION
    agent = URIRef(f"{base}/data/catalogue.ttl#publisher")
    graph.add((agent, RDF.type, DCATAPIT.Agent))
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal(institution["name"], lang="it")))
    graph.add((agent, DCTERMS.identifier, Literal(settings.PORTAL_INSTITUTION_IPA_CODE)))
    return agent


def _contact_point(graph, base):
    """The office to write to (DCAT-AP_IT: a name and an e-mail address, both mandatory)."""
    institution = settings.PORTAL_INSTITUTION
    contact = URIRef(f"{base}/data/catalogue.ttl#contact-point")
    for kind in (DCATAPIT.Organization, VCARD.Organization, VCARD.Kind):
        graph.add((contact, RDF.type, kind))
    graph.add((contact, VCARD.fn, Literal(institution["office"] or institution["name"])))
    if institution["email"]:  # a system check warns when it is not set (portal/core/checks.py)
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{institution['email']}")))
    graph.add((contact, VCARD.hasURL, URIRef(institution["url"])))
    return contact


def _licence(graph):
    licence = URIRef(data_licence().url)
    graph.add((licence, RDF.type, DCATAPIT.LicenseDocument))
    graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
    graph.add((licence, DCTERMS.type, _licence_type(graph)))
    for lang, name in names_by_language().items():
        graph.add((licence, FOAF.name, Literal(name, lang=lang)))
    return licence


def _licence_type(graph):
    """ADMS's licence type «Attribution», whose URI has no scheme version in its path."""
    concept = URIRef(f"{LICENCE_TYPES}Attribution")
    graph.add((concept, RDF.type, SKOS.Concept))
    graph.add((concept, SKOS.inScheme, URIRef(f"{LICENCE_TYPES}1.0")))
    graph.add((concept, SKOS.prefLabel, Literal("Attribution", lang="en")))
    return concept


def _period(graph, dataset, first, last):
    """The years a list covers, with the start and end properties each reader looks for:
    DCAT-AP_IT's own, DCAT-AP 3's and schema.org's (which CKAN's DCAT-AP_IT extension reads)."""
    period = BNode()
    graph.add((dataset, DCTERMS.temporal, period))
    graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
    start = Literal(f"{first}-01-01", datatype=XSD.date)
    end = Literal(f"{last}-12-31", datatype=XSD.date)
    for starts, ends in ((DCATAPIT.startDate, DCATAPIT.endDate), (DCAT.startDate, DCAT.endDate)):
        graph.add((period, starts, start))
        graph.add((period, ends, end))
    graph.add((period, SCHEMA.startDate, start))
    graph.add((period, SCHEMA.endDate, end))


def _places(graph):
    """Where the data are about: Asia, the Asian countries the portal covers, and Italy (the
    Emilia-Romagna side), as the EU's continent and country vocabularies name them."""
    places = [_concept(graph, f"{EU}continent", "ASIA", DCTERMS.Location, ("Asia", "Asia"))]
    countries = countries_covered()
    named = [
        ("IT", ("Italia", "Italy")),
        *((country.iso_code, (country.name_it, country.name_en)) for country in countries),
    ]
    for code, labels in named:
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            places.append(_concept(graph, f"{EU}country", country.alpha_3, DCTERMS.Location, labels))
    return places


def content_changed():
    """When any content last changed (``portal.core.caching``'s content version, nanoseconds)."""
    return datetime.datetime.fromtimestamp(content_version() / 1e9, tz=datetime.UTC)


def _date(value):
    return Literal(value.date().isoformat(), datatype=XSD.date)


def _bind(graph):
    for prefix, namespace in {
        "dcat": DCAT,
        "dct": DCTERMS,
        "dcatapit": DCATAPIT,
        "dcatap": DCATAP,
        "foaf": FOAF,
        "vcard": VCARD,
        "skos": SKOS,
        "schema": SCHEMA,
    }.items():
        graph.bind(prefix, namespace)


def catalogue(request):
    """The catalogue as an rdflib Graph."""
    base = request.build_absolute_uri("/").rstrip("/")
    graph = Graph()
    _bind(graph)
    publisher, contact, licence = _agent(graph, base), _contact_point(graph, base), _licence(graph)
    places = _places(graph)
    themes_scheme = URIRef(f"{EU}data-theme")
    graph.add((themes_scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((themes_scheme, DCTERMS.title, Literal("Data theme", lang="en")))
    languages = {
        language: _concept(graph, f"{EU}language", code, DCTERMS.LinguisticSystem, LANGUAGE_LABELS[language])
        for language, code in LANGUAGES.items()
    }
    frequency = _concept(graph, f"{EU}frequency", "IRREG", DCTERMS.Frequency, ("irregolare", "irregular"))
    availability = _concept(graph, f"{EU}planned-availability", "STABLE", None, ("stabile", "stable"))
    formats = {
        fmt: _concept(graph, f"{EU}file-type", code, DCTERMS.MediaTypeOrExtent, (code, code))
        for fmt, code in FILE_TYPES.items()
    }

    root = URIRef(f"{base}/data/catalogue.ttl")
    homepage = URIRef(f"{base}/")
    graph.add((homepage, RDF.type, FOAF.Document))
    graph.add((root, RDF.type, DCATAPIT.Catalog))
    graph.add((root, RDF.type, DCAT.Catalog))
    graph.add((root, DCTERMS.title, Literal(settings.PORTAL_NAME, lang="it")))
    graph.add((root, DCTERMS.title, Literal(settings.PORTAL_NAME, lang="en")))
    _texts(
        graph,
        root,
        DCTERMS.description,
        translation.gettext_lazy(
            "The partnerships, agreements and trade of the Emilia-Romagna Region with Asia, every fact with its source."
        ),
    )
    graph.add((root, DCTERMS.publisher, publisher))
    graph.add((root, FOAF.homepage, homepage))
    graph.add((root, DCTERMS.license, licence))
    graph.add((root, DCAT.themeTaxonomy, themes_scheme))
    for concept in languages.values():
        graph.add((root, DCTERMS.language, concept))
    for place in places:
        graph.add((root, DCTERMS.spatial, place))
    first_change = latest = None
    for name, item in DOWNLOADS.items():
        records = item.base().order_by()
        changes = records.aggregate(first=Min("updated_at"), latest=Max("updated_at"))
        latest = max(filter(None, [latest, changes["latest"]]), default=None)
        first_change = min(filter(None, [first_change, changes["first"]]), default=None)
        dataset = URIRef(f"{base}/data/catalogue.ttl#{name}")
        graph.add((root, DCAT.dataset, dataset))
        graph.add((dataset, RDF.type, DCATAPIT.Dataset))
        graph.add((dataset, RDF.type, DCAT.Dataset))
        # The national catalogue assigns its own "codiceIPA:D.n" on accreditation; until then the
        # identifier is the IPA code and the list's stable name.
        graph.add(
            (dataset, DCTERMS.identifier, Literal(f"{settings.PORTAL_INSTITUTION_IPA_CODE}:emilia-romagna-asia-{name}"))
        )
        _texts(graph, dataset, DCTERMS.title, item.dataset.title)
        _texts(graph, dataset, DCTERMS.description, item.dataset.description)
        for keyword in item.keywords:
            _texts(graph, dataset, DCAT.keyword, keyword)
        # Required: an empty list was last changed when the content was (the page cache's version).
        graph.add((dataset, DCTERMS.modified, _date(changes["latest"] or content_changed())))
        for theme in THEMES.get(name, DEFAULT_THEMES):
            graph.add((dataset, DCAT.theme, _concept(graph, f"{EU}data-theme", theme, None, THEME_LABELS[theme])))
        graph.add((dataset, DCTERMS.publisher, publisher))
        graph.add((dataset, DCTERMS.rightsHolder, publisher))
        graph.add((dataset, DCTERMS.accrualPeriodicity, frequency))
        graph.add((dataset, DCAT.contactPoint, contact))
        landing_page = URIRef(base + reverse(item.list_url))
        graph.add((landing_page, RDF.type, FOAF.Document))
        graph.add((dataset, DCAT.landingPage, landing_page))
        for place in places:
            graph.add((dataset, DCTERMS.spatial, place))
        years = item.years_covered()
        if years:
            _period(graph, dataset, *years)
        for language in LANGUAGES:
            graph.add((dataset, DCTERMS.language, languages[language]))
            with translation.override(language):
                page = URIRef(base + reverse(item.list_url))
                for fmt, media_type in FORMATS.items():
                    distribution = URIRef(f"{base}/data/catalogue.ttl#{name}-{language}-{fmt}")
                    graph.add((dataset, DCAT.distribution, distribution))
                    graph.add((distribution, RDF.type, DCATAPIT.Distribution))
                    graph.add((distribution, RDF.type, DCAT.Distribution))
                    title = f"{item.dataset.title} ({fmt.upper()})"
                    graph.add((distribution, DCTERMS.title, Literal(title, lang=language)))
                    description = str(DISTRIBUTION_DESCRIPTIONS[fmt])
                    graph.add((distribution, DCTERMS.description, Literal(description, lang=language)))
                    graph.add((distribution, DCTERMS["format"], formats[fmt]))
                    media = URIRef(f"http://www.iana.org/assignments/media-types/{media_type.split(';')[0]}")
                    graph.add((distribution, DCAT.mediaType, media))
                    graph.add((media, RDF.type, DCTERMS.MediaType))
                    graph.add((distribution, DCAT.accessURL, page))
                    url = base + reverse("portal:download", kwargs={"name": name, "fmt": fmt})
                    graph.add((distribution, DCAT.downloadURL, URIRef(url)))
                    graph.add((distribution, DCTERMS.license, licence))
                    graph.add((distribution, DCTERMS.language, languages[language]))
                    graph.add((distribution, DCATAP.availability, availability))
                    graph.add((distribution, DCTERMS.modified, _date(changes["latest"] or content_changed())))
    graph.add((root, DCTERMS.modified, _date(latest or content_changed())))
    # Issued when its first record was written (the catalogue has no date of its own before that).
    graph.add((root, DCTERMS.issued, _date(first_change or content_changed())))
    return graph
