"""The frame of an Italian public site (issue 14): slim header naming the institution, footer with
its contacts and the legal pages in both languages, editable; no cookie for visitors."""

import re

import pytest

from portal.site.info_pages import create_missing
from portal.site.models import InfoPage
from tests.addresses import address_in

pytestmark = pytest.mark.django_db

INFO_PAGES = ["legal-notes", "privacy", "cookies", "accessibility", "data-licence"]


@pytest.fixture(autouse=True)
def info_pages(db):
    """The pages the migration creates (a browser test's flush of the database removes them)."""
    create_missing(InfoPage)


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_names_the_institution_and_links_every_legal_page(client, places, language):
    content = client.get(address_in(language, "/countries/china/")).content.decode()
    slim = content.split('<div class="it-header-slim-wrapper">', 1)[1].split("</div>", 1)[0]
    assert '<a class="navbar-brand" href="https://www.regione.emilia-romagna.it/">Regione Emilia-Romagna</a>' in slim
    footer = content.split('<footer class="it-footer"', 1)[1]
    assert "Viale Aldo Moro 52, 40127 Bologna" in footer
    for kind in INFO_PAGES:
        assert f'href="{address_in(language, f"/info/{kind}/")}"' in footer


def test_the_institution_and_its_contacts_are_settings(client, places, settings):
    settings.PORTAL_INSTITUTION = {
        **settings.PORTAL_INSTITUTION,
        "name": "Comune di Prova",
        "url": "https://example.org/",
        "email": "urp@example.org",
        "phone": "051 123 456",
    }
    content = client.get("/en/").content.decode()
    assert '<a class="navbar-brand" href="https://example.org/">Comune di Prova</a>' in content
    assert 'href="mailto:urp@example.org"' in content and 'href="tel:051123456"' in content


@pytest.mark.parametrize("kind", INFO_PAGES)
def test_each_legal_page_exists_in_both_languages(client, kind):
    italian = client.get(address_in("it", f"/info/{kind}/"))
    english = client.get(f"/en/info/{kind}/")
    assert italian.status_code == english.status_code == 200
    page = InfoPage.objects.get(kind=kind)
    assert page.title_it in italian.content.decode() and page.title_en in english.content.decode()
    assert page.title_it != page.title_en


def test_an_editor_changes_a_legal_page_and_visitors_see_it(admin_client, client):
    page = InfoPage.objects.get(kind="privacy")
    response = admin_client.post(
        f"/admin/site/infopage/{page.pk}/change/",
        {
            "title_it": "Privacy",
            "title_en": "Privacy",
            "body_it": "Testo nuovo della redazione.",
            "body_en": "The editors' new text.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "The editors' new text." in client.get("/en/info/privacy/").content.decode()
    assert "Testo nuovo della redazione." in client.get("/it/informazioni/privacy/").content.decode()


def test_reading_a_legal_page_writes_nothing_and_an_unknown_one_is_404(client):
    """The pages come from a data migration; a GET never creates one."""
    assert "sets no cookie" in client.get("/en/info/cookies/").content.decode()
    InfoPage.objects.filter(kind="cookies").delete()
    assert client.get("/en/info/cookies/").status_code == 404
    assert not InfoPage.objects.filter(kind="cookies").exists()
    assert client.get("/en/info/no-such-page/").status_code == 404


def test_the_accessibility_page_links_the_statement_and_a_feedback_channel(client, settings):
    content = client.get("/en/info/accessibility/").content.decode()
    assert "form.agid.gov.it/view" not in content  # no address set: the statement is the page itself
    settings.PORTAL_INSTITUTION = {
        **settings.PORTAL_INSTITUTION,
        "accessibility_statement_url": "https://form.agid.gov.it/view/example",
        "accessibility_email": "accessibilita@example.org",
    }
    content = client.get("/en/info/accessibility/").content.decode()
    assert 'href="https://form.agid.gov.it/view/example"' in content
    assert 'href="mailto:accessibilita@example.org?subject=' in content


def test_visitors_get_no_cookie_and_no_cookie_banner(client, places):
    for url in ["/it/", "/en/countries/china/", "/it/informazioni/cookie/", "/en/search/?q=china"]:
        response = client.get(url)
        assert not response.cookies, url
        assert "cookiebar" not in response.content.decode()


def test_the_stylesheet_and_fonts_come_from_the_portal_itself(client, places):
    content = client.get("/en/").content.decode()
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', content) == ["/static/build/portal.css"]
    # No component needs JavaScript: the only <script> is the JSON-LD data block, which never runs.
    assert re.findall(r"<script[^>]*>", content) == ['<script type="application/ld+json">']
    loaded = re.findall(r'<(?:img|source|use)[^>]* (?:src|href)="([^"]+)"', content)
    loaded += re.findall(r'<link rel="(?:stylesheet|preload|icon)" href="([^"]+)"', content)
    assert loaded and all(url.startswith("/static/") for url in loaded), loaded  # no third-party request


@pytest.mark.parametrize("template", ["500.html", "portal/login_throttled.html"])
def test_standalone_pages_link_the_stylesheet_that_exists(template):
    """The error and flood pages do without base.html: their stylesheet link must still resolve."""
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string

    html = render_to_string(template, {"minutes": 5, "portal_name": "Emilia-Romagna & Asia"})
    (stylesheet,) = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert finders.find(stylesheet), stylesheet
    assert '<header class="it-header-wrapper">' in html
