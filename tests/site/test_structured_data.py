"""schema.org JSON-LD on the detail pages (issue 15): it parses, says what the page is, in the
page's language, and never names a draft."""

import json
import re

import pytest

from tests.addresses import address_in
from tests.factories import FigureFactory, MilestoneFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def json_ld(client, url):
    content = client.get(url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_detail_page_has_json_ld_that_parses(client, places, language):
    places.chongqing.latitude, places.chongqing.longitude = 29.563, 106.551
    places.chongqing.save()
    MilestoneFactory(slug="visit", partners=[places.chongqing], date_year=2012, date_month=5)
    FigureFactory()
    expected = {
        address_in(language, "/"): ["WebSite"],
        address_in(language, "/countries/china/"): ["WebSite", "WebPage"],
        address_in(language, "/partners/chongqing/"): ["WebSite", "WebPage"],
        address_in(language, "/milestones/visit/"): ["WebSite", "WebPage"],
        address_in(language, "/agreements/agreement-with-chongqing/"): ["WebSite", "CreativeWork"],
        address_in(language, "/business/"): ["WebSite", "Dataset"],
        address_in(language, "/data/"): ["WebSite", "DataCatalog"],
    }
    for url, types in expected.items():
        blocks = json_ld(client, url)
        assert [block["@type"] for block in blocks] == types, url
        assert all(block["inLanguage"] == language for block in blocks), url
    (_, country) = json_ld(client, address_in(language, "/countries/china/"))
    assert country["mainEntity"]["@type"] == "Country"
    (_, partner) = json_ld(client, address_in(language, "/partners/chongqing/"))
    assert partner["mainEntity"]["@type"] == "City"
    assert partner["mainEntity"]["geo"] == {"@type": "GeoCoordinates", "latitude": 29.563, "longitude": 106.551}
    (_, milestone) = json_ld(client, address_in(language, "/milestones/visit/"))
    assert milestone["temporalCoverage"] == "2012-05" and milestone["spatialCoverage"][0]["name"] == "Chongqing"
    (site,) = json_ld(client, address_in(language, "/"))
    assert site["publisher"]["@type"] == "GovernmentOrganization"
    assert site["publisher"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Viale Aldo Moro 52",
        "postalCode": "40127",
        "addressLocality": "Bologna",
        "addressCountry": "IT",
    }
    (_, catalogue) = json_ld(client, address_in(language, "/data/"))
    lists = [dataset["url"].rsplit("/", 2)[-2] for dataset in catalogue["dataset"]][:2]
    assert lists == (["accordi", "partner"] if language == "it" else ["agreements", "partners"])
    assert all(dataset["isAccessibleForFree"] for dataset in catalogue["dataset"])


def test_json_ld_cannot_close_its_element_and_names_no_draft(client, places):
    places.nagoya_agreement.title = "Agreement </script><script>alert(1)</script>"
    places.nagoya_agreement.save()
    PartnerFactory(name="Draftville", slug="draftville", country=places.japan, is_published=False)
    places.nagoya_agreement.partners.add(places.nagoya.__class__.objects.get(slug="draftville"))
    content = client.get("/en/agreements/agreement-with-nagoya/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(\{[^<]*"CreativeWork".*?)</script>', content, re.S).group(
        1
    )
    data = json.loads(block)
    assert data["name"] == "Agreement </script><script>alert(1)</script>"
    assert [place["name"] for place in data["about"]] == ["Nagoya"]
