"""What a visitor or an editor saw misplaced (issue 24): the footer's legal links at 390 px, an
empty fifth column of key figures at 1,280 px, the agreement changelist cut at 1,280 px."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.browser


def test_the_footers_legal_links_line_up_on_a_phone(seeded_live_server, page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(seeded_live_server.url + "/it/")
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.it-footer-small-prints-list a')].map(a => a.getBoundingClientRect())"
        ".map(r => [Math.round(r.x), Math.round(r.y), Math.round(r.height)])"
    )
    column = page.evaluate("() => Math.round(document.querySelector('.footer-heading').getBoundingClientRect().x)")
    rows = {}
    for x, y, height in boxes:
        rows.setdefault(y, []).append(x)
        assert height >= 24  # each a target of at least 24 px
    assert len(rows) >= 2  # they wrap at 390 px ...
    assert all(min(xs) == column for xs in rows.values())  # ... each line starting under the columns
    assert len(boxes) == sum(len(xs) for xs in rows.values())  # no link a few pixels off its line


def test_the_key_figures_fill_their_row_at_1280(seeded_live_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(seeded_live_server.url + "/it/")
    grid, last = page.evaluate(
        "() => [document.querySelector('.stat-grid').getBoundingClientRect().right,"
        " [...document.querySelectorAll('.stat-grid .stat')].pop().getBoundingClientRect().right]"
    )
    assert abs(grid - last) < 2


def test_the_agreement_changelist_fits_1280_pixels(seeded_live_server, page):
    User.objects.create_superuser("fits", password="a long test password 42")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(seeded_live_server.url + "/admin/login/")
    page.fill("#id_username", "fits")
    page.fill("#id_password", "a long test password 42")
    page.click("input[type=submit]")
    page.goto(seeded_live_server.url + "/admin/relations/agreement/")
    right_edges, visible = page.evaluate(
        "() => [[...document.querySelectorAll('#result_list thead th')].map(th => th.getBoundingClientRect().right),"
        " document.querySelector('#changelist .results').getBoundingClientRect().right]"
    )
    assert max(right_edges) <= visible + 1  # the last column is not cut
    heights = page.evaluate(
        "() => [...document.querySelectorAll('#result_list tbody th.field-title')]"
        ".map(c => c.getBoundingClientRect().height)"
    )
    line = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('#result_list tbody th')).lineHeight)"
    )
    assert max(heights) <= 4 * line + 20  # the longest title wraps over four lines, not five to seven
