"""Every page type passes axe-core without serious or critical violations, and fits a phone screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.page_types import PAGES_IN_BOTH_LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_type_has_no_serious_accessibility_violation(seeded_live_server, page, language):
    """One live server per language, every page type in it (a server per page cost 3 s each)."""
    problems = {}
    for name, path in PAGES_IN_BOTH_LANGUAGES.items():
        if not path.startswith(f"/{language}/"):
            continue
        page.goto(seeded_live_server.url + path)
        found = []
        if page.locator("html").get_attribute("lang") != language:
            found.append("wrong <html lang>")
        if page.locator("main#main").count() != 1 or page.locator("h1").count() != 1:
            found.append("not one main and one h1")
        results = Axe().run(page)
        found += [
            f"{violation['id']} ({violation['impact']}): {violation['nodes'][0]['target']}"
            for violation in results.response["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        if found:
            problems[name] = found
    assert not problems


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_type_fits_320_px_without_sideways_scrolling(seeded_live_server, page, language):
    """400% zoom of a 1,280 px screen (WCAG 1.4.10, reflow): nothing may need a horizontal scroll."""
    page.set_viewport_size({"width": 320, "height": 800})
    overflowing = {}
    for name, path in PAGES_IN_BOTH_LANGUAGES.items():
        if path.startswith(f"/{language}/"):
            page.goto(seeded_live_server.url + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                overflowing[name] = overflow
    assert not overflowing


def test_on_a_phone_the_header_and_menu_stay_under_160_px_and_the_menu_opens(seeded_live_server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(seeded_live_server.url + "/it/paesi/cina/")
    assert page.locator("header.it-header-wrapper").evaluate("header => header.getBoundingClientRect().height") < 160
    menu = page.locator(".main-nav-compact")
    assert not menu.get_by_role("link", name="Accordi").is_visible()
    menu.locator("summary").click()
    menu.get_by_role("link", name="Accordi").click()
    assert page.url.endswith("/it/accordi/")


def test_skip_link_moves_focus_to_the_main_content(seeded_live_server, page):
    page.goto(seeded_live_server.url + "/en/")
    page.keyboard.press("Tab")
    skip_link = page.locator('.skiplinks a[href="#main"]')
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()  # hidden until focused, then shown
    skip_link.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    assert page.evaluate("document.activeElement.id") == "main"


def test_filtering_agreements_in_the_browser_keeps_filters_in_the_address(seeded_live_server, page):
    page.goto(seeded_live_server.url + "/en/agreements/")
    page.select_option("#id_country", "japan")
    page.get_by_role("button", name="Apply filters").click()
    assert "country=japan" in page.url
    titles = page.locator(".card-title").all_inner_texts()
    assert titles == [
        "Economic Partnership Agreement between the European Union and Japan",
        "Cooperation Agreement between Bologna and Hamamatsu",
    ]


def test_the_map_points_are_links_a_keyboard_reaches_by_the_partners_names(seeded_live_server, page):
    """Tab from the map's heading: each point takes the focus in turn, named by its partner, and
    Enter opens the partner's page. The seed's thirteen partners are all there (the provinces and
    states at their capitals)."""
    page.goto(seeded_live_server.url + "/it/mappa/")
    points = page.locator("svg.map-svg a.map-point")
    assert points.count() == 13
    assert page.get_by_role("link", name="Chongqing, Cina: accordo").count() == 1
    names = []
    for _step in range(60):  # past the header's and the page's links, through the points, to the table
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.getAttribute('aria-label')")
        if name is None and names:
            break
        if name:
            names.append(name)
    assert names == [points.nth(index).get_attribute("aria-label") for index in range(13)]
    page.locator("svg.map-svg a.map-point").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/it/partner/chengdu/")


@pytest.mark.parametrize("language", ["it", "en"])
def test_on_a_phone_with_every_disclosure_open_no_page_has_a_serious_violation(seeded_live_server, page, language):
    """Issue 24: the open phone menu was near-black on blue (3.1:1) while axe only saw it closed.
    At 390 px every <details> is opened — the menu, the filter panels, the notes — then axe runs."""
    page.set_viewport_size({"width": 390, "height": 844})
    problems = {}
    for name, path in PAGES_IN_BOTH_LANGUAGES.items():
        if not path.startswith(f"/{language}/"):
            continue
        page.goto(seeded_live_server.url + path)
        page.evaluate("document.querySelectorAll('details').forEach(disclosure => { disclosure.open = true; })")
        results = Axe().run(page)
        found = [
            f"{violation['id']} ({violation['impact']}): {violation['nodes'][0]['target']}"
            for violation in results.response["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        if found:
            problems[name] = found
    assert not problems


def test_the_open_phone_menu_is_white_on_blue_and_marks_the_current_page(seeded_live_server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(seeded_live_server.url + "/it/accordi/")
    page.locator(".main-nav-compact summary").click()
    current = page.locator(".main-nav-compact .nav-link[aria-current=page]")
    assert current.inner_text() == "Accordi"
    styles = current.evaluate("link => [getComputedStyle(link).color, getComputedStyle(link).fontWeight]")
    assert styles == ["rgb(255, 255, 255)", "700"]
    other = page.locator(".main-nav-compact .nav-link", has_text="Mappa")
    assert other.evaluate("link => getComputedStyle(link).color") == "rgb(255, 255, 255)"
