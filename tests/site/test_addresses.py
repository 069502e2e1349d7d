"""Italian pages have Italian addresses; every address in use before answers a 301 to its page.

``data/sitemap-addresses-2026-12-03.txt`` is every address of the sitemap built from the seed data
on 3 December 2026, when Italian pages still had English path segments (``/it/countries/china/``).
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from portal.core.addresses import short_slug
from relations.models import Agreement, Country, Partner

pytestmark = pytest.mark.django_db

ADDRESSES_BEFORE = (Path(__file__).parent / "data" / "sitemap-addresses-2026-12-03.txt").read_text().split()


def test_italian_pages_have_italian_addresses(seed, client):
    with translation.override("it"):
        assert Country.objects.get(slug="china").get_absolute_url() == "/it/paesi/cina/"
        assert reverse("relations:agreement-list") == "/it/accordi/"
        assert Partner.objects.get(slug="seoul").get_absolute_url() == "/it/partner/seul/"
        assert reverse("portal:info-page", kwargs={"kind": "accessibilita"}) == "/it/informazioni/accessibilita/"
    for address in ("/it/paesi/cina/", "/it/accordi/", "/it/partner/seul/", "/it/cronologia/", "/it/mappa/"):
        assert client.get(address).status_code == 200, address


def test_every_address_of_the_former_sitemap_leads_to_its_page_in_one_permanent_redirect(seed, client):
    italian_before = [address for address in ADDRESSES_BEFORE if address.startswith("/it/")]
    assert len(italian_before) == 76
    for address in ADDRESSES_BEFORE:
        response = client.get(address)
        if address.startswith("/en/") or address in ("/it/", "/it/business/"):
            assert response.status_code == 200, address  # these addresses did not change
            continue
        assert response.status_code == 301, address
        new = urlsplit(response["Location"]).path
        assert new != address and new.startswith("/it/"), address
        assert client.get(new).status_code == 200, (address, new)


def test_the_new_sitemap_lists_the_italian_addresses(seed, client):
    index = client.get("/sitemap.xml").content.decode()
    listed = "".join(client.get(urlsplit(section).path).content.decode() for section in _locations(index))
    locations = {urlsplit(location).path for location in _locations(listed)}
    assert "/it/paesi/cina/" in locations and "/en/countries/china/" in locations
    assert "/it/countries/china/" not in locations
    assert 'hreflang="en" href="http://testserver/en/countries/china/"' in listed.replace("https", "http")


def _locations(xml):
    import re

    return re.findall(r"<loc>([^<]+)</loc>", xml)


def test_the_language_switch_and_hreflang_link_the_record_in_the_other_language(seed, client):
    page = client.get("/it/paesi/cina/").content.decode()
    assert 'hreflang="en" href="http://testserver/en/countries/china/"' in page
    assert 'href="/en/countries/china/" hreflang="en"' in page
    agreements = client.get("/en/agreements/", {"country": "china"}).content.decode()
    assert 'href="/it/accordi/?country=china" hreflang="it"' in agreements
    english = client.get("/en/countries/china/").content.decode()
    assert 'hreflang="it" href="http://testserver/it/paesi/cina/"' in english


def test_a_query_string_travels_with_the_redirect(seed, client):
    response = client.get("/it/agreements/", {"country": "china"})
    assert response.status_code == 301 and response["Location"] == "/it/accordi/?country=china"


def test_links_on_italian_pages_use_the_italian_addresses(seed, client):
    page = client.get("/it/paesi/cina/").content.decode()
    assert "/it/countries/" not in page and "/it/partners/" not in page and "/it/agreements/" not in page
    agreement = Agreement.objects.get(slug="bologna-chongqing-cooperation-agreement")
    with translation.override("it"):
        assert agreement.get_absolute_url() in page


def test_files_keep_their_addresses(seed, client):
    """Feeds and downloads are fetched by programs and listed in the data catalogue: their
    addresses do not change."""
    assert client.get("/it/data/partners.csv").status_code == 200
    assert client.get("/it/feeds/changes.atom").status_code == 200


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Đà Nẵng", "da-nang"),
        ("Memorandum d'intesa tra la Regione Emilia-Romagna e la Provincia del Guangdong", None),
        ("Città di Hồ Chí Minh", "citta-di-ho-chi-minh"),
    ],
)
def test_a_slug_from_a_name_is_transliterated_and_short(name, expected):
    slug = short_slug(name)
    if expected:
        assert slug == expected
    assert len(slug) <= 50 and slug == slug.strip("-") and "--" not in slug
    assert "d-intesa" not in slug  # the apostrophe's little word goes with it
