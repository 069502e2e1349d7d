"""The map as a visitor on a phone meets it (issue 24): every point a target of at least 24 px
that no other overlaps (WCAG 2.2, 2.5.8), at 390 and 320 px; provinces and states on the map."""

import math

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TARGETS = """() => [...document.querySelectorAll('#partner-map .map-target, .map-svg .map-target')].map(target => {
  const box = target.getBoundingClientRect();
  return [box.x + box.width / 2, box.y + box.height / 2, box.width, box.height,
          target.closest('a').getAttribute('aria-label')];
})"""


@pytest.mark.parametrize("width", [390, 320])
@pytest.mark.parametrize("path", ["/it/mappa/", "/en/countries/japan/", "/it/paesi/repubblica-di-corea/"])
def test_every_point_is_a_target_of_24_px_that_no_other_overlaps(seeded_live_server, page, width, path):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(seeded_live_server.url + path)
    targets = page.evaluate(TARGETS)
    assert targets, path
    for _x, _y, target_width, target_height, label in targets:
        assert target_width >= 24 and target_height >= 24, (label, target_width)
    for index, (x, y, size, _h, label) in enumerate(targets):
        for other_x, other_y, other_size, _oh, other in targets[index + 1 :]:
            assert math.dist((x, y), (other_x, other_y)) >= (size + other_size) / 2 - 0.5, (label, other)


def test_provinces_and_states_are_on_the_map_at_their_capital(seeded_live_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(seeded_live_server.url + "/en/map/")
    labels = page.evaluate(TARGETS)
    names = {label.split(",")[0] for *_rest, label in labels}
    assert {"Guangdong Province", "Shandong Province", "Jeollanam-do", "Gujarat", "Binh Duong Province"} <= names
    assert page.locator(".map-key", has_text="province or state, at its capital").count() == 1
    assert page.locator(".map-area-ring").count() == 5


def test_the_maps_table_fits_a_phone_with_every_coordinate_visible(seeded_live_server, page):
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(seeded_live_server.url + "/it/mappa/")
    table = page.locator(".map-table table")
    overflow = table.evaluate("table => table.scrollWidth - table.clientWidth")
    assert overflow <= 0
    cell = page.locator(".map-table td[data-label='Coordinate']").first
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
