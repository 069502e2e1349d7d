"""The DCAT-AP_IT catalogue of the portal's datasets (issue 15), as Turtle, for dati.gov.it.

DCAT-AP_IT is the Italian profile of DCAT-AP: a ``dcatapit:Catalog`` of ``dcatapit:Dataset``s
(one per downloadable list), each with its ``dcatapit:Distribution``s (CSV and JSON, in Italian
and in English), publisher and rights holder (the institution, with its IPA code), licence,
themes (the EU data themes), temporal coverage, contact point and date of change. Built with
rdflib, so the output is well-formed RDF by construction; texts carry their language tag.
"""

import datetime

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import translation
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from portal.core.caching import content_version
from portal.core.licence import names_by_language

from .downloads import DOWNLOADS, FORMATS

DCATAPIT = Namespace("http://dati.gov.it/onto/dcatapit#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEMES = {"figures": ["ECON", "INTR"]}  # the EU data themes; every other list is international relations
DEFAULT_THEMES = ["INTR", "GOVE"]
LANGUAGES = {"it": "ITA", "en": "ENG"}
FILE_TYPES = {"csv": "CSV", "json": "JSON"}
DATED = {  # the fields a list's temporal coverage is read from
    "agreements": ("date_year", "date_year"),
    "milestones": ("date_year", "date_year"),
    "figures": ("start_year", "end_year"),
}


def _texts(graph, subject, predicate, text):
    """One literal per language, each in its language (the lazily translated ``text``)."""
    for language in LANGUAGES:
        with translation.override(language):
            graph.add((subject, predicate, Literal(str(text), lang=language)))


def _agent(graph, base):
    institution = settings.PORTAL_INSTITUTION
    agent = URIRef(f"{base}/data/catalogue.ttl#publisher")
    graph.add((agent, RDF.type, DCATAPIT.Agent))
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal(institution["name"])))
    graph.add((agent, DCTERMS.identifier, Literal(settings.PORTAL_INSTITUTION_IPA_CODE)))
    return agent


def _contact_point(graph, base):
    institution = settings.PORTAL_INSTITUTION
    contact = URIRef(f"{base}/data/catalogue.ttl#contact-point")
    graph.add((contact, RDF.type, DCATAPIT.Organization))
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(institution["office"] or institution["name"])))
    if institution["email"]:
        graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{institution['email']}")))
    graph.add((contact, VCARD.hasURL, URIRef(institution["url"])))
    return contact


def _licence(graph):
    licence = URIRef(settings.PORTAL_DATA_LICENCE["url"])
    graph.add((licence, RDF.type, DCATAPIT.LicenseDocument))
    graph.add((licence, DCTERMS.type, URIRef("http://purl.org/adms/licencetype/Attribution")))
    for lang, name in names_by_language().items():
        graph.add((licence, FOAF.name, Literal(name, lang=lang)))
    return licence


def content_changed():
    """When any content last changed (``portal.core.caching``'s content version, nanoseconds)."""
    return datetime.datetime.fromtimestamp(content_version() / 1e9, tz=datetime.UTC)


def _date(value):
    return Literal(value.date().isoformat(), datatype=XSD.date)


def catalogue(request):
    """The catalogue as an rdflib Graph."""
    base = request.build_absolute_uri("/").rstrip("/")
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("dcatapit", DCATAPIT)
    graph.bind("foaf", FOAF)
    graph.bind("vcard", VCARD)
    publisher, contact, licence = _agent(graph, base), _contact_point(graph, base), _licence(graph)
    root = URIRef(f"{base}/data/catalogue.ttl")
    graph.add((root, RDF.type, DCATAPIT.Catalog))
    graph.add((root, RDF.type, DCAT.Catalog))
    graph.add((root, DCTERMS.title, Literal(settings.PORTAL_NAME)))
    _texts(
        graph,
        root,
        DCTERMS.description,
        translation.gettext_lazy(
            "The partnerships, agreements and trade of the Emilia-Romagna Region with Asia, every fact with its source."
        ),
    )
    graph.add((root, DCTERMS.publisher, publisher))
    graph.add((root, FOAF.homepage, URIRef(f"{base}/")))
    graph.add((root, DCAT.themeTaxonomy, URIRef(f"{EU}data-theme")))
    for code in LANGUAGES.values():
        graph.add((root, DCTERMS.language, URIRef(f"{EU}language/{code}")))
    latest = None
    for name, item in DOWNLOADS.items():
        records = item.base().order_by()
        changed = records.aggregate(latest=Max("updated_at"))["latest"]
        latest = max(filter(None, [latest, changed]), default=None)
        dataset = URIRef(f"{base}/data/catalogue.ttl#{name}")
        graph.add((root, DCAT.dataset, dataset))
        graph.add((dataset, RDF.type, DCATAPIT.Dataset))
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add(
            (dataset, DCTERMS.identifier, Literal(f"{settings.PORTAL_INSTITUTION_IPA_CODE}:emilia-romagna-asia-{name}"))
        )
        _texts(graph, dataset, DCTERMS.title, item.dataset.title)
        _texts(graph, dataset, DCTERMS.description, item.dataset.description)
        # Required: an empty list was last changed when the content was (the page cache's version).
        graph.add((dataset, DCTERMS.modified, _date(changed or content_changed())))
        for theme in THEMES.get(name, DEFAULT_THEMES):
            graph.add((dataset, DCAT.theme, URIRef(f"{EU}data-theme/{theme}")))
        graph.add((dataset, DCTERMS.publisher, publisher))
        graph.add((dataset, DCTERMS.rightsHolder, publisher))
        graph.add((dataset, DCTERMS.accrualPeriodicity, URIRef(f"{EU}frequency/IRREG")))
        graph.add((dataset, DCAT.contactPoint, contact))
        if name in DATED:
            start, end = DATED[name]
            years = records.aggregate(first=Min(start), last=Max(end))
            if years["first"] and years["last"]:
                period = BNode()
                graph.add((dataset, DCTERMS.temporal, period))
                graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
                graph.add((period, DCAT.startDate, Literal(f"{years['first']}-01-01", datatype=XSD.date)))
                graph.add((period, DCAT.endDate, Literal(f"{years['last']}-12-31", datatype=XSD.date)))
        for language, code in LANGUAGES.items():
            graph.add((dataset, DCTERMS.language, URIRef(f"{EU}language/{code}")))
            with translation.override(language):
                page = base + reverse(item.list_url)
                for fmt in FORMATS:
                    distribution = URIRef(f"{base}/data/catalogue.ttl#{name}-{language}-{fmt}")
                    graph.add((dataset, DCAT.distribution, distribution))
                    graph.add((distribution, RDF.type, DCATAPIT.Distribution))
                    graph.add((distribution, RDF.type, DCAT.Distribution))
                    graph.add(
                        (distribution, DCTERMS.title, Literal(f"{item.dataset.title} ({fmt.upper()})", lang=language))
                    )
                    graph.add((distribution, DCTERMS["format"], URIRef(f"{EU}file-type/{FILE_TYPES[fmt]}")))
                    graph.add((distribution, DCAT.accessURL, URIRef(page)))
                    url = base + reverse("portal:download", kwargs={"name": name, "fmt": fmt})
                    graph.add((distribution, DCAT.downloadURL, URIRef(url)))
                    graph.add((distribution, DCTERMS.license, licence))
                    graph.add((distribution, DCTERMS.language, URIRef(f"{EU}language/{code}")))
    graph.add((root, DCTERMS.modified, _date(latest or content_changed())))
    return graph
