"""Every page's JSON-LD read as schema.org's validator reads it (issue 23), against schema.org's own
vocabulary, release 30.0 (tests/validators/schema.org-30.0): each property is defined for its
node's type or a supertype, each value is of a type the property takes, Datasets have what
Google's dataset search requires, and no page calls something an Event that is not one."""

import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF, RDFS

from scripts.page_types import PAGES_IN_BOTH_LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]

VOCABULARY = Path(__file__).parents[1] / "validators" / "schema.org-30.0" / "schemaorg-current-https.ttl"
SCHEMA = Namespace("https://schema.org/")


@cache
def vocabulary():
    """schema.org's types with their supertypes, and its properties with their domains and ranges."""
    graph = Graph().parse(VOCABULARY, format="turtle")

    def name(node):
        return str(node).removeprefix(str(SCHEMA))

    parents = defaultdict(set)
    for child, parent in graph.subject_objects(RDFS.subClassOf):
        parents[name(child)].add(name(parent))
    data_types = {name(node) for node in graph.subjects(RDF.type, SCHEMA.DataType)}
    domains, ranges = defaultdict(set), defaultdict(set)
    for prop, domain in graph.subject_objects(SCHEMA.domainIncludes):
        domains[name(prop)].add(name(domain))
    for prop, value in graph.subject_objects(SCHEMA.rangeIncludes):
        ranges[name(prop)].add(name(value))
    return parents, data_types, domains, ranges


def ancestors(type_name):
    parents = vocabulary()[0]
    seen, todo = set(), [type_name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return seen


def takes_text(prop):
    """Whether a property takes a literal: one of its ranges is a data type (Text, URL, Date…)."""
    _parents, data_types, _domains, ranges = vocabulary()
    return any(ancestors(value) & (data_types | {"Text", "URL"}) for value in ranges[prop])


def problems(node, where="$"):
    """What schema.org's validator would say of one node and everything below it."""
    _parents, _data_types, domains, ranges = vocabulary()
    found = []
    kind = node.get("@type")
    if kind is None:
        return [f"{where}: no @type"]
    if kind not in vocabulary()[0] and kind not in ("Thing",):
        found.append(f"{where}: {kind} is not a schema.org type")
    for prop, values in node.items():
        if prop.startswith("@"):
            continue
        if prop not in domains:
            found.append(f"{where}.{prop}: not a schema.org property")
            continue
        if not ancestors(kind) & domains[prop]:
            found.append(f"{where}.{prop}: not defined for {kind} (only for {sorted(domains[prop])})")
        for index, value in enumerate(values if isinstance(values, list) else [values]):
            at = f"{where}.{prop}[{index}]"
            if isinstance(value, dict):
                if not ancestors(value.get("@type", "")) & ranges[prop]:
                    found.append(f"{at}: a {value.get('@type')} where {prop} takes {sorted(ranges[prop])}")
                found += problems(value, at)
            elif not takes_text(prop) and not (isinstance(value, bool) and "Boolean" in ranges[prop]):
                found.append(f"{at}: a literal where {prop} takes {sorted(ranges[prop])}")
    if kind == "Dataset":
        found += [f"{where}: a Dataset needs {field}" for field in ("name", "description") if not node.get(field)]
    if "Event" in ancestors(kind):
        found.append(f"{where}: an Event (none of the portal's records is an event a visitor attends)")
    return found


def json_ld_blocks(content):
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    ]


def pages(client):
    """One page of every kind in both languages, and every page of the sitemap."""
    addresses = set(PAGES_IN_BOTH_LANGUAGES.values())
    for section in re.findall(r"<loc>http://testserver(.*?)</loc>", client.get("/sitemap.xml").content.decode()):
        addresses |= set(re.findall(r"<loc>http://testserver(.*?)</loc>", client.get(section).content.decode()))
    return sorted(address for address in addresses if "no-such-page" not in address)


def test_every_json_ld_block_on_every_page_is_valid_schema_org(client):
    found, checked = [], 0
    for address in pages(client):
        for block in json_ld_blocks(client.get(address).content.decode()):
            assert block.pop("@context") == "https://schema.org", address
            found += [f"{address} {problem}" for problem in problems(block)]
            checked += 1
    assert checked > 200
    assert found == []


def test_the_checker_finds_what_the_portal_once_wrote(client):
    """The check can fail: a citation and a language on a City and a milestone typed Event, as
    the pages once had them, are each reported."""
    city = {
        "@type": "City",
        "name": "Chongqing",
        "citation": {"@type": "CreativeWork", "name": "x"},
        "inLanguage": "it",
    }
    event = {"@type": "Event", "name": "The Fair's towers", "startDate": "2021"}
    found = problems(city) + problems(event)
    assert any("citation: not defined for City" in problem for problem in found)
    assert any("inLanguage: not defined for City" in problem for problem in found)
    assert any("an Event" in problem for problem in found)
