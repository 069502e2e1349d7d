"""Italian and English: addresses, the language switch, alternates, the interface, dates and
numbers, content with its fallback, search in both languages, the page cache per language."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import caches
from django.utils import translation

from portal.core.search import fold
from portal.site import selectors
from scripts.page_types import ITALIAN_PAGE_TYPES, PAGE_TYPES
from tests.addresses import address_in

pytestmark = pytest.mark.usefixtures("seed")  # the documents' facts, in both languages

PATHS = [path.removeprefix("/en") for name, path in PAGE_TYPES.items() if name != "not found"]
REFUSED = {path.removeprefix("/en") for name, path in PAGE_TYPES.items() if "invalid" in name}  # 400


def head_links(page, rel="alternate"):
    return dict(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)">', page))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "landing"),
    [("it-IT,it;q=0.9", "/it/"), ("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.9", "/it/"), ("", "/it/")],
)
def test_the_root_sends_a_visitor_to_their_browsers_language_italian_otherwise(client, accept, landing):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == landing


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "chain"),
    [
        ("it", [("/it/countries/china/?x=1", 302), ("/it/paesi/cina/", 301)]),  # the page reads no query
        ("en", [("/en/countries/china/?x=1", 302)]),
    ],
)
def test_an_address_from_before_the_languages_still_works(client, accept, chain):
    response = client.get("/countries/china/?x=1", HTTP_ACCEPT_LANGUAGE=accept, follow=True)
    assert response.redirect_chain == chain
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(("accept", "landing"), [("it", "/it/paesi/cina/"), ("en", "/en/countries/china/")])
def test_the_x_default_address_leads_every_browser_to_its_own_language(client, accept, landing):
    """x-default is the Italian address without its language (as Django's sitemap writes it)."""
    response = client.get("/paesi/cina/", HTTP_ACCEPT_LANGUAGE=accept, follow=True)
    assert response.status_code == 200 and response.redirect_chain[-1][0] == landing


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_type_answers_in_both_languages_with_its_alternates_and_switch(client, path, language):
    other = "en" if language == "it" else "it"
    response = client.get(address_in(language, path))
    assert response.status_code == (400 if path in REFUSED else 200)
    assert response["Content-Language"] == language
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    bare = path.split("?")[0]
    assert head_links(page) == {
        "it": f"http://testserver{address_in('it', bare)}",
        "en": f"http://testserver/en{bare}",
        "x-default": f"http://testserver{address_in('it', bare)[3:]}",  # to the browser's language
    }
    switch = re.search(rf'<a href="([^"]+)" hreflang="{other}" lang="{other}">', page)
    assert switch, "the language switch links to the other language"
    switched = urlsplit(switch.group(1).replace("&amp;", "&"))
    asked = urlsplit(address_in(other, path))
    assert switched.path == asked.path
    assert parse_qs(switched.query) == parse_qs(asked.query)  # the same page, filters kept


@pytest.mark.django_db
def test_the_interface_speaks_italian_on_italian_pages_and_english_on_english_ones(client):
    italian = client.get("/it/").content.decode()
    english = client.get("/en/").content.decode()
    for text in ["Vai al contenuto principale", ">Paesi<", ">Accordi<", ">Cronologia<", "Cerca nel portale"]:
        assert text in italian and text not in english
    for text in ["Skip to main content", ">Countries<", ">Agreements<", ">Timeline<", "Search the portal"]:
        assert text in english and text not in italian


@pytest.mark.django_db
def test_errors_speak_the_language_of_their_address(client):
    italian = client.get("/it/no-such-page/")
    assert italian.status_code == 404
    assert "Pagina non trovata" in italian.content.decode()
    assert "Page not found" in client.get("/en/no-such-page/").content.decode()
    invalid = client.get("/it/accordi/?year_from=abc")
    assert invalid.status_code == 400
    assert "Alcuni filtri non sono validi" in invalid.content.decode()


@pytest.mark.django_db
def test_names_differ_by_language_where_they_differ(client):
    assert re.search(r"<h1>\s*<span>Cina</span>", client.get("/it/paesi/cina/").content.decode())
    assert re.search(r"<h1>\s*<span>China</span>", client.get("/en/countries/china/").content.decode())
    assert "Comune di Bologna" in client.get("/it/organizzazioni/comune-di-bologna/").content.decode()
    assert "Municipality of Bologna" in client.get("/en/organisations/municipality-of-bologna/").content.decode()


@pytest.mark.django_db
def test_an_italian_name_on_an_english_page_carries_its_own_lang(client):
    page = client.get("/en/organisations/").content.decode()
    assert re.search(r'<[^>]+ lang="it"[^>]*>Arte e Salute<', page)
    assert re.search(r'<[^>]+ lang="it"[^>]*>Policlinico Sant&#x27;Orsola<', page)
    italian_page = client.get("/it/organizzazioni/").content.decode()
    assert re.search(r'<[^>]+ lang="en"[^>]*>Tokyo Soteria<', italian_page)  # and the other way round
    assert not re.search(r'<[^>]+ lang="it"[^>]*>Arte e Salute<', italian_page)  # no lang where it is the page's


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "italian", "english"),
    [
        ("/milestones/itabashi-public-library-opens-with-bologna-section/", "28 marzo 2021", "28 March 2021"),
        ("/agreements/emilia-romagna-guangdong-memorandum-of-understanding/", "novembre 2015", "November 2015"),
        ("/business/", "14,6%", "14.6%"),
        ("/countries/china/", "più di 6.000 persone", "more than 6,000 people"),
        ("/countries/japan/", "916 milioni", "916 million"),
    ],
)
def test_dates_and_numbers_follow_each_languages_conventions(client, path, italian, english):
    italian_text = " ".join(re.sub(r"<[^>]+>", " ", client.get(address_in("it", path)).content.decode()).split())
    english_text = " ".join(re.sub(r"<[^>]+>", " ", client.get(f"/en{path}").content.decode()).split())
    assert italian in italian_text and english not in italian_text
    assert english in english_text and italian not in english_text


@pytest.mark.django_db
def test_a_text_missing_in_one_language_shows_the_other_with_a_notice_never_an_empty_block(client):
    from relations.models import Partner

    Partner.objects.filter(slug="chongqing").update(story_it="", story_en="An English-only story.")
    page = client.get("/it/partner/chongqing/").content.decode()
    assert re.search(r'lang="en"[^>]*>\s*(<p>)?An English-only story\.', page)
    assert "non sono ancora disponibili in italiano e sono mostrati in inglese" in page
    english = client.get("/en/partners/chongqing/").content.decode()
    assert "not yet available" not in english


# A proper name kept in English in both languages: "turismo" cannot find it, as "tourism" does.
ENGLISH_PROPER_NAMES = ["China Tourism Academy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("italian", "english"), [("Cina", "China"), ("turismo", "tourism"), ("musica", "music"), ("Corea", "Korea")]
)
def test_search_finds_in_either_language_what_the_other_finds(italian, english):
    def found(text):
        return {result.record for group in selectors.search(text=text) for result in group["results"]}

    with translation.override("it"):
        in_italian = found(italian)
        assert found(english) == found(english.upper()), "case does not matter"
    with translation.override("en"):
        assert found(italian) == in_italian, "the page's language does not change what is found"
        in_english = found(english)
    assert in_english, f"the seed facts mention {english}"
    for record in in_english - in_italian:
        texts = " ".join(str(value) for value in vars(record).values())
        assert any(name in texts for name in ENGLISH_PROPER_NAMES), f"{record!r}: {italian!r} misses it"


@pytest.mark.django_db
@pytest.mark.parametrize(("typed", "stored"), [("citta", "Città"), ("CITTÀ", "Città"), ("sant'orsola", "Sant'Orsola")])
def test_search_ignores_accents_and_case(client, typed, stored):
    assert fold(typed) in fold(stored)
    page = client.get("/it/cerca/", {"q": typed}).content.decode()
    assert stored.replace("'", "&#x27;") in page


@pytest.mark.django_db
def test_the_page_cache_keeps_each_language_apart(client, settings, tmp_path):
    from tests.core.test_caching import cached_pages

    settings.PORTAL_PAGE_CACHE = True
    settings.PORTAL_CONTENT_VERSION_FILE = str(tmp_path / "content-version")
    italian = client.get("/it/paesi/cina/").content.decode()
    english = client.get("/en/countries/china/").content.decode()
    assert len(cached_pages()) == 2
    assert client.get("/it/paesi/cina/").content.decode() == italian
    assert client.get("/en/countries/china/").content.decode() == english
    assert re.search(r"<h1>\s*<span>Cina</span>", italian) and re.search(r"<h1>\s*<span>China</span>", english)
    caches["pages"].clear()


@pytest.mark.django_db
def test_the_sitemap_lists_each_page_in_each_language_with_its_alternates(client):
    xml = client.get("/sitemap-partner.xml").content.decode()
    assert "<loc>http://testserver/it/partner/chongqing/</loc>" in xml
    assert "<loc>http://testserver/en/partners/chongqing/</loc>" in xml
    assert 'hreflang="it" href="http://testserver/it/partner/chongqing/"' in xml
    assert 'hreflang="en" href="http://testserver/en/partners/chongqing/"' in xml
    assert 'hreflang="x-default" href="http://testserver/partner/chongqing/"' in xml  # redirects by browser


@pytest.mark.django_db
def test_robots_keep_out_of_the_search_pages_in_both_languages(client):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /it/cerca/" in robots and "Disallow: /en/search/" in robots


@pytest.mark.django_db
def test_a_timeline_row_and_a_note_in_the_other_language_carry_its_lang_and_the_notice(client):
    from relations.models import Agreement

    Agreement.objects.filter(slug="bologna-seoul-cooperation-agreement").update(title_en="", note_en="")
    timeline = client.get("/en/timeline/").content.decode()
    assert re.search(r'lang="it">Accordo di cooperazione tra Bologna e Seul</a>', timeline)
    assert re.search(r'<p lang="it">La fonte dice soltanto', timeline)
    assert "not yet available in English and are shown in Italian" in timeline
    agreements = client.get("/en/agreements/").content.decode()
    assert re.search(r'<p lang="it">La fonte dice soltanto', agreements)  # the card's note too
    italian = client.get("/it/cronologia/").content.decode()
    assert 'lang="it">Accordo di cooperazione tra Bologna e Seul' not in italian
    assert "non sono ancora disponibili in italiano" not in italian


@pytest.mark.django_db
def test_the_italian_page_types_are_the_addresses_the_portal_links():
    for name, english in PAGE_TYPES.items():
        if name != "not found":
            assert ITALIAN_PAGE_TYPES[name] == address_in("it", english), name
