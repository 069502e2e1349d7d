"""The DCAT-AP_IT catalogue (issue 15): parsed with rdflib, it has the classes and the properties
the Italian profile requires of a catalogue, its datasets and their distributions."""

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from tests.factories import FigureFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

DCATAPIT = "http://dati.gov.it/onto/dcatapit#"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# Plain namespaces: rdflib's closed ones warn when pytest's assertion rewriting looks into them.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


def dcatapit(name):
    return URIRef(DCATAPIT + name)


@pytest.fixture
def graph(client, places):
    FigureFactory(start_year=2010, end_year=2019)
    MilestoneFactory(slug="visit", countries=[places.china], date_year=2012)
    response = client.get("/data/catalogue.ttl")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/turtle")
    return Graph().parse(data=response.content.decode(), format="turtle")


def one(graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert values, (subject, predicate)
    return values[0]


def test_the_catalogue_has_what_dcat_ap_it_requires(graph):
    (catalogue,) = graph.subjects(RDF.type, dcatapit("Catalog"))
    assert (catalogue, RDF.type, DCAT.Catalog) in graph
    for predicate in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.modified):
        one(graph, catalogue, predicate)
    publisher = one(graph, catalogue, DCTERMS.publisher)
    assert (publisher, RDF.type, dcatapit("Agent")) in graph
    assert str(one(graph, publisher, DCTERMS.identifier)) == "r_emiro"
    assert str(one(graph, publisher, FOAF.name)) == "Regione Emilia-Romagna"


def test_every_dataset_and_distribution_has_what_dcat_ap_it_requires(graph):
    (catalogue,) = graph.subjects(RDF.type, dcatapit("Catalog"))
    datasets = set(graph.objects(catalogue, DCAT.dataset))
    assert {str(dataset).rsplit("#", 1)[1] for dataset in datasets} == {
        "agreements",
        "partners",
        "milestones",
        "organisations",
        "countries",
        "figures",
    }
    required = [
        DCTERMS.identifier,
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.modified,
        DCAT.theme,
        DCTERMS.publisher,
        DCTERMS.rightsHolder,
        DCTERMS.accrualPeriodicity,
        DCAT.contactPoint,
        DCAT.distribution,
    ]
    for dataset in datasets:
        assert (dataset, RDF.type, dcatapit("Dataset")) in graph
        for predicate in required:
            one(graph, dataset, predicate)
        assert {literal.language for literal in graph.objects(dataset, DCTERMS.title)} == {"it", "en"}
        contact = one(graph, dataset, DCAT.contactPoint)
        assert (contact, RDF.type, dcatapit("Organization")) in graph and one(graph, contact, VCARD.fn)
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 6  # CSV, JSON and XLSX, Italian and English
        for distribution in distributions:
            assert (distribution, RDF.type, dcatapit("Distribution")) in graph
            assert str(one(graph, distribution, DCTERMS["format"])).endswith(("/CSV", "/JSON", "/XLSX"))
            one(graph, distribution, DCAT.accessURL)
            assert str(one(graph, distribution, DCAT.downloadURL)).startswith("http://testserver/")
            licence = one(graph, distribution, DCTERMS.license)
            assert (licence, RDF.type, dcatapit("LicenseDocument")) in graph


def test_temporal_coverage_comes_from_the_data(graph):
    figures = URIRef("http://testserver/data/catalogue.ttl#figures")
    period = one(graph, figures, DCTERMS.temporal)
    for start, end in [(DCAT.startDate, DCAT.endDate), (dcatapit("startDate"), dcatapit("endDate"))]:
        assert (str(one(graph, period, start)), str(one(graph, period, end))) == ("2010-01-01", "2019-12-31")
    milestones = URIRef("http://testserver/data/catalogue.ttl#milestones")
    assert str(one(graph, one(graph, milestones, DCTERMS.temporal), dcatapit("startDate"))) == "2012-01-01"


def test_the_download_addresses_in_the_catalogue_answer(client, graph):
    urls = sorted(str(url).removeprefix("http://testserver") for url in set(graph.objects(None, DCAT.downloadURL)))
    # Every list, as CSV, JSON and XLSX, in both languages.
    assert urls == sorted(
        f"/{language}/data/{name}.{fmt}"
        for language in ("it", "en")
        for name in ("agreements", "partners", "milestones", "organisations", "countries", "figures")
        for fmt in ("csv", "json", "xlsx")
    )
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_open_data_page_links_the_catalogue(client, places):
    assert 'href="/data/catalogue.ttl"' in client.get("/it/dati/").content.decode()
