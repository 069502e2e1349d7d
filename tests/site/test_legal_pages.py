"""The privacy notice and the accessibility statement say what the law asks (issue 24): the
points come from the settings and the project's own checks, and no editor's change can drop them."""

import datetime
import html
import re

import pytest

from tests.addresses import address_in

pytestmark = pytest.mark.django_db


def text_of(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.parametrize(
    ("language", "points"),
    [
        (
            "it",
            ["Titolare del trattamento Regione Emilia-Romagna, Viale Aldo Moro 52", "Responsabile della protezione",
             "Base giuridica", "art. 6, par. 1, lett. e", "Registri del server", "Valutazioni delle pagine",
             "Registri del server: 30 giorni, poi vengono cancellati", "Diritti dell'interessato", "reclamo",
             "Garante per la protezione dei dati personali"],
        ),
        (
            "en",
            ["Data controller Regione Emilia-Romagna, Viale Aldo Moro 52", "Data protection officer", "Legal basis",
             "art. 6(1)(e)", "Server logs", "Page ratings", "Server logs: 30 days, then deleted.", "Your rights",
             "lodge a complaint", "Garante per la protezione dei dati personali"],
        ),
    ],
)  # fmt: skip
def test_the_privacy_notice_names_every_point_of_article_13(client, language, points):
    response = client.get(address_in(language, "/info/privacy/"))
    text = text_of(response)
    for point in points:
        assert point in text, point
    assert 'href="https://www.garanteprivacy.it/"' in response.content.decode()


def test_the_privacy_notice_gives_the_dpo_and_the_retention_that_are_set(client, settings):
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "dpo_email": "dpo@example.org", "pec": ""}
    settings.PORTAL_SERVER_LOG_DAYS = 1
    content = client.get("/en/info/privacy/").content.decode()
    assert 'href="mailto:dpo@example.org"' in content
    assert "Server logs: 1 day, then deleted." in text_of(client.get("/en/info/privacy/"))
    assert "PEC" not in content  # no certified address is invented


def test_without_a_dpo_address_the_notice_sends_to_the_institution_and_invents_none(client, settings):
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "dpo_email": "", "privacy_url": ""}
    content = client.get("/en/info/privacy/").content.decode()
    assert "The contact of the data protection officer" in text_of(client.get("/en/info/privacy/"))
    assert f'<a href="{settings.PORTAL_INSTITUTION["url"]}">its site</a>' in content
    assert "dpo@" not in content


@pytest.mark.parametrize(
    ("language", "sections", "date"),
    [
        ("it", ["Stato di conformità", "parzialmente conforme", "Contenuti non accessibili",
                "Redazione della dichiarazione", "Meccanismo di feedback e recapiti", "Procedura di attuazione"],
         "3 dicembre 2026"),
        ("en", ["Conformance status", "partially compliant", "Content that is not accessible",
                "How this statement was prepared", "Feedback and contacts", "Enforcement procedure"],
         "3 December 2026"),
    ],
)  # fmt: skip
def test_the_accessibility_statement_follows_agids_model(client, language, sections, date):
    response = client.get(address_in(language, "/info/accessibility/"))
    text = text_of(response)
    for section in sections:
        assert section in text, section
    assert date in text and "axe-core" in text
    assert "in preparazione" not in text and "being prepared" not in text
    content = response.content.decode()
    assert 'href="https://form.agid.gov.it/"' in content
    assert "mailto:urp@regione.emilia-romagna.it" in content  # the contact e-mail when none is set for it


def test_the_statement_is_dated_by_its_setting(client, settings):
    settings.PORTAL_ACCESSIBILITY_ASSESSED_ON = datetime.date(2027, 1, 8)
    assert "on 8 January 2027" in text_of(client.get("/en/info/accessibility/"))


def test_the_footer_shows_the_office_and_the_pec_only_when_they_are_set(client, settings):
    bare = client.get("/en/").content.decode()
    assert "Certified email (PEC)" not in bare
    settings.PORTAL_INSTITUTION = {
        **settings.PORTAL_INSTITUTION,
        "office": "Servizio Relazioni internazionali",
        "pec": "relazioni@postacert.example.org",
    }
    content = client.get("/en/").content.decode()
    assert "Servizio Relazioni internazionali" in content
    assert 'href="mailto:relazioni@postacert.example.org"' in content
