"""The site's own pages: the sitemap for people, the navigation, the composed country page."""

import re

import pytest

from tests.factories import FigureFactory, StrategyFactory


@pytest.mark.django_db
def test_the_footer_sitemap_is_a_page_for_people(client, places):
    home = client.get("/en/").content.decode()
    assert 'href="/en/sitemap/"' in home
    page = client.get("/en/sitemap/")
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    content = page.content.decode()
    for url in (
        "/en/countries/china/",
        "/en/partners/chongqing/",
        "/en/agreements/",
        "/en/timeline/",
        "/en/business/",
        "/en/about/",
    ):
        assert f'href="{url}"' in content
    assert client.get("/sitemap.xml")["Content-Type"].startswith("application/xml")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "current", "section"),
    [
        ("/en/countries/", "/en/countries/", None),
        ("/en/countries/china/", None, "/en/countries/"),
        ("/en/partners/chongqing/", None, "/en/partners/"),
        ("/en/agreements/?country=china", "/en/agreements/", None),
        ("/en/agreements/agreement-with-nagoya/", None, "/en/agreements/"),
        ("/en/business/", "/en/business/", None),
        ("/en/", None, None),
        ("/en/organisations/", None, None),
    ],
)
def test_the_navigation_marks_the_page_and_its_section_by_its_view(client, places, url, current, section):
    nav = client.get(url).content.decode().split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', nav) == ([current] if current else [])
    assert re.findall(r'<a href="([^"]+)" class="active">', nav) == ([section] if section else [])


@pytest.mark.django_db
def test_the_country_page_shows_its_trade_figures_and_strategies(client, places):
    FigureFactory(country=places.china, label="Exports to China", note="Amount without a currency.")
    strategy = StrategyFactory(name="Go Global")
    strategy.target_links.create(country=places.china, emphasis="A main target", source_section=strategy.source_section)
    content = client.get("/en/countries/china/").content.decode()
    assert "Trade with China" in content
    assert "Exports to China" in content
    assert re.search(r"Editor's note:</strong>\s*Amount without a currency\.", content)  # the editor's words, labelled
    assert "Go Global" in content and "A main target" in content
    assert "Trade with" not in client.get("/en/countries/japan/").content.decode()
