"""sitemap.xml against sitemaps.org's own XML Schemas (issue 23): every page a visitor can reach
from the footer or the data page is listed, in both languages, dated by its content."""

import datetime
import re
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from tests.addresses import address_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]

SCHEMAS = Path(__file__).parents[1] / "validators" / "sitemaps"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@cache
def schema(name):
    """sitemap.xsd or siteindex.xsd, with the xhtml:link declaration the alternates need."""
    driver = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="{SCHEMAS / name}"/>
      <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="{SCHEMAS / "xhtml-link.xsd"}"/>
    </xsd:schema>"""
    return etree.XMLSchema(etree.fromstring(driver.encode()))


def sections(client):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    return index, [loc.text.removeprefix("http://testserver") for loc in index.iter(f"{SITEMAP}loc")]


def test_the_index_and_every_section_are_valid_against_the_official_schemas(client):
    index, addresses = sections(client)
    assert schema("siteindex.xsd").validate(index), schema("siteindex.xsd").error_log
    assert len(addresses) >= 10
    for address in addresses:
        document = etree.fromstring(client.get(address).content)
        assert schema("sitemap.xsd").validate(document), (address, schema("sitemap.xsd").error_log)


def test_every_page_is_dated_by_its_content(client):
    index, addresses = sections(client)
    urls = []
    for address in addresses:
        urls += etree.fromstring(client.get(address).content).findall(f"{SITEMAP}url")
    undated = [url.findtext(f"{SITEMAP}loc") for url in urls if url.find(f"{SITEMAP}lastmod") is None]
    assert undated == []
    today = datetime.date.today().isoformat()
    assert all(url.findtext(f"{SITEMAP}lastmod") <= today for url in urls)
    assert all(sitemap.find(f"{SITEMAP}lastmod") is not None for sitemap in index.findall(f"{SITEMAP}sitemap"))


def test_the_data_page_the_sources_the_legal_pages_and_the_peoples_sitemap_are_listed(client):
    _index, addresses = sections(client)
    listed = set()
    for address in addresses:
        listed |= set(re.findall(r"<loc>http://testserver(.*?)</loc>", client.get(address).content.decode()))
    for language in ("it", "en"):
        for page in ["data/", "sitemap/", "sources/business-and-asia/", "sources/emilia-romagna-and-asia/"]:
            assert address_in(language, f"/{page}") in listed, page
        for kind in ["legal-notes", "privacy", "cookies", "accessibility", "data-licence"]:
            assert address_in(language, f"/info/{kind}/") in listed, kind


def test_a_sitemap_that_breaks_the_schema_is_refused(client):
    """The check can fail: a date sitemaps.org does not allow is an error."""
    _index, addresses = sections(client)
    document = etree.fromstring(client.get(addresses[0]).content)
    document.find(f"{SITEMAP}url/{SITEMAP}lastmod").text = "3 dicembre 2026"
    assert not schema("sitemap.xsd").validate(document)
