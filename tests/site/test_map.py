"""The partners' map: every published partner with coordinates in Asia is a working link named
by its partner, the others are said apart; a country's page zooms to it; editors see the point."""

import re

import pytest

from relations.models import Agreement, NetworkMembership
from tests.factories import AgreementFactory, CountryFactory, GroupingFactory, NetworkFactory, PartnerFactory


@pytest.fixture
def mapped(db):
    china = CountryFactory(name="China", slug="china", iso_code="CN")
    japan = CountryFactory(name="Japan", slug="japan", iso_code="JP")
    chongqing = PartnerFactory(name="Chongqing", slug="chongqing", country=china, latitude=29.563, longitude=106.552)
    hamamatsu = PartnerFactory(name="Hamamatsu", slug="hamamatsu", country=japan, latitude=34.711, longitude=137.726)
    PartnerFactory(name="Nagoya", slug="nagoya", country=japan, latitude=35.181, longitude=136.906)
    PartnerFactory(name="Guangdong", slug="guangdong", country=china, kind="province")  # no coordinates
    PartnerFactory(name="Atlantic", slug="atlantic", country=china, latitude=29.5, longitude=-106.5)  # sign lost
    PartnerFactory(name="Draft city", slug="draft-city", country=china, latitude=30, longitude=104, is_published=False)
    AgreementFactory(partners=[chongqing])
    AgreementFactory(partners=[hamamatsu], is_published=False)  # a draft agreement is no tie yet
    network = NetworkFactory()
    NetworkMembership.objects.create(
        network=network, partner=hamamatsu, field="City of Music", source_section=network.source_section
    )
    return {"china": china, "japan": japan}


def points(content):
    """(href, accessible name) of each point on the page's maps."""
    return re.findall(r'<a class="map-point" href="([^"]+)" aria-label="([^"]+)"', content)


def test_the_map_shows_every_published_partner_with_coordinates_and_no_other(client, mapped):
    content = client.get("/en/map/").content.decode()
    assert points(content) == [
        ("/en/partners/chongqing/", "Chongqing, China: agreement"),
        ("/en/partners/hamamatsu/", "Hamamatsu, Japan: network of cities"),
        ("/en/partners/nagoya/", "Nagoya, Japan: other cooperation"),
    ]
    assert "Draft city" not in content
    assert re.search(r"no coordinates are recorded for them:.*Guangdong", content, re.S)
    assert re.search(r"coordinates fall outside it:.*Atlantic", content, re.S)
    table_rows = re.findall(r'<th scope="row"><a href="([^"]+)">', content)
    assert table_rows == [href for href, _name in points(content)]  # the same data beside it


def test_each_point_leads_to_its_partner(client, mapped):
    found = points(client.get("/it/mappa/").content.decode())
    assert [href for href, _name in found] == [
        "/it/partner/chongqing/",
        "/it/partner/hamamatsu/",
        "/it/partner/nagoya/",
    ]
    for href, name in found:
        response = client.get(href)
        assert response.status_code == 200
        assert name.split(",")[0] in response.content.decode()


def test_the_map_is_in_the_navigation_and_the_sitemap(client, mapped):
    assert 'href="/it/mappa/"' in client.get("/it/").content.decode()
    assert "/it/mappa/" in client.get("/sitemap-pages.xml").content.decode()


def test_a_country_page_maps_its_own_partners_with_their_names(client, mapped):
    content = client.get("/en/countries/japan/").content.decode()
    assert [name for _href, name in points(content)] == [
        "Hamamatsu, Japan: network of cities",
        "Nagoya, Japan: other cooperation",
    ]
    assert 'class="map-label"' in content  # zoomed in, the names are written beside the points
    assert "Partners in Japan on the map" in content


def test_a_country_without_mapped_partners_shows_where_it_is_and_who_is_missing(client, mapped):
    india = CountryFactory(name="India", slug="india", iso_code="IN")
    PartnerFactory(name="Gujarat", slug="gujarat", country=india, kind="state")
    content = client.get("/en/countries/india/").content.decode()
    assert 'class="map-svg"' in content and points(content) == []
    assert "No partner here has coordinates yet" in content
    assert re.search(r"no coordinates are recorded for them:.*Gujarat", content, re.S)


def test_no_map_where_it_would_show_nothing_true(client, mapped):
    CountryFactory(name="Atlantis", slug="atlantis", iso_code="ZZ")  # not in the geometry, no partner
    assert 'class="map-svg"' not in client.get("/en/countries/atlantis/").content.decode()
    vietnam = CountryFactory(name="Vietnam", slug="vietnam", iso_code="VN")
    asean = GroupingFactory(name="ASEAN", slug="asean")
    asean.members.set([vietnam])  # shading Vietnam alone would pass it off as ASEAN
    assert 'class="map-svg"' not in client.get("/en/countries/asean/").content.decode()


def test_numbers_in_the_svg_are_never_localised(client, mapped):
    """Italian writes 29,5: an SVG coordinate written so is no number, and the point vanishes."""
    content = client.get("/it/paesi/japan/").content.decode()
    start = content.index('<svg class="map-svg"')
    svg = content[start : content.index("</svg>", start)]
    assert re.search(r'<text class="map-label" x="\d+(\.\d)?" y="\d+(\.\d)?"', svg)
    assert not re.search(r'(?:cx|cy|x|y|r|width|height)="-?\d+,\d', svg)


@pytest.mark.django_db
def test_editors_see_the_point_or_why_there_is_none(admin_client, mapped):
    from relations.models import Partner

    def preview(slug):
        partner = Partner.objects.get(slug=slug)
        return admin_client.get(f"/admin/relations/partner/{partner.pk}/change/").content.decode()

    chongqing = preview("chongqing")
    assert '<svg class="map-svg"' in chongqing and 'aria-label="Chongqing"' in chongqing
    assert "No coordinates: the partner is not on the maps." in preview("guangdong")
    assert "fall outside the map of Asia" in preview("atlantic")
    assert not Agreement.objects.filter(partners__slug="guangdong").exists()
