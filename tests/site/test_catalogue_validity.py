"""The DCAT-AP_IT catalogue against the validators harvesters use (issue 23): pySHACL with SEMIC's
DCAT-AP 3.0.1 shapes and their EU vocabulary rules, and DCAT-AP_IT's rules (tests/validators)."""

from functools import cache
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SH

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]

VALIDATORS = Path(__file__).parents[1] / "validators"
SHAPES = [
    VALIDATORS / "dcat-ap-3.0.1" / "dcat-ap-SHACL.ttl",
    VALIDATORS / "dcat-ap-3.0.1" / "mdr-vocabularies.shape.ttl",
    VALIDATORS / "dcat-ap-it" / "dcatapit-shapes.ttl",
]
DCATAPIT = "http://dati.gov.it/onto/dcatapit#"
# Plain namespaces: rdflib's closed ones warn when pytest's assertion rewriting looks into them.
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCTERMS = Namespace("http://purl.org/dc/terms/")


@cache
def shapes():
    graph = Graph()
    for path in SHAPES:
        graph.parse(path, format="turtle")
    return graph


def catalogue(client):
    return Graph().parse(data=client.get("/data/catalogue.ttl").content.decode(), format="turtle")


def results(data, severity):
    """pySHACL's top-level results of ``severity`` (the details of a nested shape are not counted)."""
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes(), inference="none", allow_warnings=True)
    return [
        (str(report.value(result, SH.resultPath)), str(report.value(result, SH.resultMessage)))
        for result in report.objects(None, SH.result)
        if report.value(result, SH.resultSeverity) == severity
    ]


def test_the_seeded_catalogue_has_no_violation_of_dcat_ap_or_dcat_ap_it(client):
    assert results(catalogue(client), SH.Violation) == []


def test_the_only_warnings_are_that_the_region_is_not_an_eu_body(client):
    """DCAT-AP suggests a publisher from the EU's corporate bodies; the Region is not one."""
    warnings = results(catalogue(client), SH.Warning)
    assert {path for path, _message in warnings} == {str(DCTERMS.publisher)}


def test_the_validators_refuse_a_catalogue_without_what_the_profiles_require(client):
    """The check can fail: the contact point's e-mail, the licence document's type and a
    period's Italian start date are mandatory, and taking them out is a violation."""
    data = catalogue(client)
    data.remove((None, VCARD.hasEmail, None))
    data.remove((None, RDF.type, DCTERMS.LicenseDocument))
    data.remove((None, URIRef(DCATAPIT + "startDate"), None))
    found = results(data, SH.Violation)
    paths = {path for path, _message in found}
    assert str(VCARD.hasEmail) in paths and DCATAPIT + "startDate" in paths
    assert any("LicenseDocument" in message for _path, message in found)
