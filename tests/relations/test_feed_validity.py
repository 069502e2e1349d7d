"""The Atom feeds against RFC 4287's own schema (issue 23): its RELAX NG grammar and the Schematron
rules it embeds (tests/validators/atom), for every feed in both languages; and no pasted
character can break them."""

from functools import cache
from pathlib import Path

import pytest
import rnc2rng
from lxml import etree, isoschematron

from relations.models import Country, Milestone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]

SCHEMA = Path(__file__).parents[1] / "validators" / "atom" / "rfc4287.rnc"
OLD_SCHEMATRON = "http://www.ascc.net/xml/schematron"  # the RFC's Schematron 1.5 namespace
ISO_SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"


@cache
def grammar():
    """The RFC's grammar in RELAX NG's XML syntax (rnc2rng declares the empty "local" prefix,
    which XML does not allow: the attribute goes, its nsName stays)."""
    xml = rnc2rng.dumps(rnc2rng.load(str(SCHEMA))).replace(' xmlns:local=""', "")
    return etree.fromstring(xml.encode())


@cache
def relax_ng():
    return etree.RelaxNG(grammar())


@cache
def schematron():
    """The rules the RFC writes as annotations of its grammar, as an ISO Schematron schema: one
    pattern each, since a pattern fires only its first rule for a node."""
    schema = etree.Element(f"{{{ISO_SCHEMATRON}}}schema")
    etree.SubElement(schema, f"{{{ISO_SCHEMATRON}}}ns", prefix="atom", uri="http://www.w3.org/2005/Atom")
    rules = grammar().findall(f".//{{{OLD_SCHEMATRON}}}rule")
    for rule in rules:
        pattern = etree.SubElement(schema, f"{{{ISO_SCHEMATRON}}}pattern")
        iso_rule = etree.SubElement(pattern, f"{{{ISO_SCHEMATRON}}}rule", context=rule.get("context"))
        for assertion in rule.findall(f"{{{OLD_SCHEMATRON}}}assert"):
            etree.SubElement(iso_rule, f"{{{ISO_SCHEMATRON}}}assert", test=assertion.get("test")).text = assertion.text
    assert len(rules) == 3  # the feed's author, the entry's link or content, the entry's author
    return isoschematron.Schematron(schema)


def feed_addresses():
    countries = [country.slug for country in Country.objects.published()]
    return [
        f"/{language}/feeds/{path}"
        for language in ("it", "en")
        for path in ["changes.atom", *(f"countries/{slug}.atom" for slug in countries)]
    ]


def problems(document):
    found = []
    if not relax_ng().validate(document):
        found += [str(error) for error in relax_ng().error_log]
    if not schematron().validate(document):
        found += [error.message for error in schematron().error_log]
    return found


def test_every_feed_is_valid_atom_with_an_author(client):
    addresses = feed_addresses()
    assert len(addresses) == 14
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        document = etree.fromstring(response.content)
        assert not problems(document), (address, problems(document))
        author = document.find("{http://www.w3.org/2005/Atom}author")
        assert author.findtext("{http://www.w3.org/2005/Atom}name") == "Regione Emilia-Romagna"


def test_a_feed_without_an_author_is_refused_by_the_rfcs_rules(client):
    """The check can fail: the same feed with its author taken out breaks RFC 4287 §4.1.1."""
    document = etree.fromstring(client.get("/en/feeds/changes.atom").content)
    document.remove(document.find("{http://www.w3.org/2005/Atom}author"))
    assert any("must have an atom:author" in problem for problem in problems(document))


def test_a_pasted_control_character_breaks_no_feed(client):
    """Word's Shift+Enter is a vertical tab; stored in a title, it made every English feed a 500."""
    milestone = Milestone.objects.published().first()
    Milestone.objects.filter(pk=milestone.pk).update(title_en="Visit\x0bto Bologna", summary_en="One\x0btwo\x01")
    response = client.get("/en/feeds/changes.atom")
    assert response.status_code == 200
    assert b"\x0b" not in response.content and b"\x01" not in response.content
    assert not problems(etree.fromstring(response.content))
    assert "Visit to Bologna" in response.content.decode()
