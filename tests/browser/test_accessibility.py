"""Every page type passes axe-core without serious or critical violations, and fits a phone screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.pages import PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_page_has_no_serious_accessibility_violation(seeded_live_server, page, path):
    page.goto(seeded_live_server.url + path)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("main#main").count() == 1
    assert page.locator("h1").count() == 1
    results = Axe().run(page)
    blocking = [
        f"{violation['id']} ({violation['impact']}): {violation['nodes'][0]['target']}"
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]
    assert not blocking


@pytest.mark.parametrize("path", ["/", "/countries/china/", "/agreements/?domain=culture", "/timeline/", "/business/"])
def test_page_fits_a_phone_screen_without_sideways_scrolling(seeded_live_server, page, path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(seeded_live_server.url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_skip_link_moves_focus_to_the_main_content(seeded_live_server, page):
    page.goto(seeded_live_server.url + "/")
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    skip_link.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_filtering_agreements_in_the_browser_keeps_filters_in_the_address(seeded_live_server, page):
    page.goto(seeded_live_server.url + "/agreements/")
    page.select_option("#id_country", "japan")
    page.get_by_role("button", name="Apply filters").click()
    assert "country=japan" in page.url
    titles = page.locator(".card-title").all_inner_texts()
    assert titles == [
        "Economic Partnership Agreement between the European Union and Japan",
        "Cooperation Agreement between Bologna and Hamamatsu",
    ]
