"""Every page type and the admin work under the Content-Security-Policy without a violation."""

import contextlib

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.test_admin_flow import choose_in_autocomplete

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""

PUBLIC = [
    "/en/",
    "/en/countries/",
    "/en/countries/japan/",
    "/en/partners/?kind=city",
    "/en/partners/hamamatsu/",
    "/en/agreements/?domain=culture",
    "/en/agreements/bologna-seoul-cooperation-agreement/",
    "/en/milestones/bologna-welcome-chinese-destination/",
    "/en/timeline/",
    "/en/business/",
    "/en/business/strategies/go-global-2021-2025/",
    "/en/organisations/tokyo-soteria/",
    "/en/about/",
    "/en/sources/emilia-romagna-and-asia/",
    "/en/search/?q=music",
    "/en/no-such-page/",
]
ADMIN = [
    "/admin/",
    "/admin/relations/agreement/",
    "/admin/relations/agreement/?q=bologna&kind=agreement",
    "/admin/relations/agreement/add/",
    "/admin/relations/partner/1/change/",
    "/admin/relations/partner/1/history/",
    "/admin/trade/figure/add/",
    "/admin/relations/country/1/change/",
]


def visit_and_collect(page, url, console):
    """The page's CSP violations once it has loaded, and after its own requests settle.

    "load" means every script, style and image of the page was fetched (or blocked); the wait
    for network quiet is bounded because one stalled connection to the test server once held it
    past Playwright's 30 s, failing a run that had nothing to report.
    """
    page.goto(url, wait_until="load")
    with contextlib.suppress(PlaywrightTimeoutError):  # what has been reported so far is still checked
        page.wait_for_load_state("networkidle", timeout=5_000)
    return page.evaluate("window.__cspViolations") + [text for text in console if "Content Security Policy" in text]


def test_public_pages_and_admin_have_no_csp_violation(seeded_live_server, page):
    User.objects.create_superuser("csp", password="a long test password 42")
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(seeded_live_server.url + "/en/")
    directives = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"

    violations = {}
    for path in PUBLIC:
        found = visit_and_collect(page, seeded_live_server.url + path, console)
        if found:
            violations[path] = found
    page.goto(seeded_live_server.url + "/admin/login/")
    page.fill("#id_username", "csp")
    page.fill("#id_password", "a long test password 42")
    page.click("input[type=submit]")
    for path in ADMIN:
        found = visit_and_collect(page, seeded_live_server.url + path, console)
        if found:
            violations[path] = found
    page.goto(seeded_live_server.url + "/admin/relations/partner/add/")
    choose_in_autocomplete(page, "id_country", "China")  # the admin's autocomplete script runs
    assert page.input_value("#id_country") != ""
    assert not violations
