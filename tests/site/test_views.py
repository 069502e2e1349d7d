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
    content = client.get(url).content.decode()
    wide = content.split('<nav class="main-nav main-nav-wide"', 1)[1].split("</nav>", 1)[0]
    compact = content.split('<details class="main-nav-compact">', 1)[1].split("</details>", 1)[0]
    for nav in (wide, compact):  # the bar on wide screens and the phone's menu say the same
        assert re.findall(r'<a class="nav-link active" href="([^"]+)" aria-current="page">', nav) == (
            [current] if current else []
        )
        assert re.findall(r'<a class="nav-link active" href="([^"]+)">', nav) == ([section] if section else [])


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


@pytest.mark.django_db
def test_the_filter_panel_counts_the_active_filters_and_lists_them_above_the_results(client, places):
    content = client.get("/en/agreements/?country=china&year_from=1980").content.decode()
    summary = content.split('<summary class="filter-summary">', 1)[1].split("</summary>", 1)[0]
    assert '<span class="filter-count">2 active</span>' in summary
    panel = content.split('<details class="filter-panel"', 1)[1].split(">", 1)[0]
    assert "open" not in panel  # closed on phones until asked for (always shown on wide screens)
    active = content.split('<p class="active-filters">', 1)[1].split("</p>", 1)[0]
    assert "Country: <strong>China</strong>" in active and "<strong>1980</strong>" in active
    assert content.index('<p class="active-filters">') < content.index('<p class="result-count"')


@pytest.mark.django_db
def test_wrong_filters_open_the_panel_with_their_errors_at_the_top_of_the_form(client, places):
    response = client.get("/en/agreements/?year_from=abc")
    assert response.status_code == 400
    content = response.content.decode()
    assert '<details class="filter-panel" open>' in content
    form = content.split('<form class="filters"', 1)[1]
    assert form.index('<div class="form-error-summary" role="alert">') < form.index('<div class="filter-fields">')
    assert '<a href="#id_year_from">' in form.split('<div class="filter-fields">', 1)[0]
