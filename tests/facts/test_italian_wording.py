"""The Italian a native reader asked for, item by item (issue 22, item 14), on the seeded pages."""

import pytest
from django.core.cache import caches

from tests.facts.test_italian_pages import read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]


def page(client, url):
    return read(client.get(url).content.decode())


def test_not_stated_agrees_with_its_label(client):
    source = page(client, "/it/fonti/business-and-asia/")
    assert "Licenza: non indicata" in source and "Editore: non indicato" in source
    agreement = page(client, "/it/accordi/memorandum-d-intesa-bologna-seongnam/")
    assert "Durata: Non indicata" in agreement and "Scadenza: Non indicata" in agreement
    assert "Entrata in vigore: Non indicata" in agreement and "Stato: Non indicato" in agreement


def test_a_language_is_written_in_lower_case(client):
    assert "Lingua: inglese" in page(client, "/it/fonti/business-and-asia/")


def test_the_first_of_a_month_is_an_ordinal(client):
    text = page(client, "/it/accordi/accordo-di-partenariato-economico-ue-giappone/")
    assert "Entrata in vigore: 1º febbraio 2019" in text and "1 febbraio" not in text


def test_the_map_caption_needs_no_article_before_its_number(client):
    text = page(client, "/it/mappa/")
    assert "partner sulla mappa" in text and "I 8 partner" not in text and "Gli 8 partner" not in text


def test_names_take_their_article_after_a_preposition(client):
    korea = page(client, "/it/paesi/repubblica-di-corea/")
    assert "Tutti i partner nella Repubblica di Corea" in korea and "in Repubblica di Corea" not in korea
    china = page(client, "/it/paesi/cina/")
    assert "Tutti i partner in Cina" in china and "I partner in Cina sulla mappa" in china
    home = page(client, "/it/")
    assert "un portale della Regione Emilia-Romagna" in home
    assert "Contatti e uffici della Regione Emilia-Romagna" in home


def test_signatories_are_a_list_that_agrees_with_every_kind_of_document(client):
    text = page(client, "/it/accordi/")
    assert "Firmatari: Regione Emilia-Romagna; Provincia del Guangdong" in text
    assert "Firmato da" not in text


def test_a_grouping_takes_its_article(client):
    text = page(client, "/it/paesi/asean/")
    assert "l'ASEAN" in text and "riguardino ASEAN" not in text


def test_the_words_of_the_fixtures_as_a_native_reader_wrote_them(client):
    strategy = page(client, "/it/business/strategie/go-global-2021-2025/")
    assert "«anche i Paesi dell'Associazione delle Nazioni dell'Asia orientale»" in strategy
    assert "persino" not in strategy
    assert "Il riconoscimento testimonia" in page(client, "/it/tappe/bologna-destinazione-welcome-chinese/")


def test_the_licence_has_its_official_italian_name(client):
    assert "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)" in page(client, "/it/")
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in page(client, "/en/")


def test_the_rating_thanks_and_refuses_in_natural_italian(client):
    caches["default"].clear()
    answer = {"page": "/it/paesi/cina/", "stars": 4}
    first = read(client.post("/it/valutazione-pagina/", answer, REMOTE_ADDR="192.0.2.1").content.decode())
    assert "La tua risposta è stata registrata." in first
    again = read(client.post("/it/valutazione-pagina/", answer, REMOTE_ADDR="192.0.2.1").content.decode())
    assert "ne basta una al giorno" in again and "contata" not in again
    caches["default"].clear()


def test_the_native_readers_second_reading(client):
    """What an outside native reader still found after the first fixes (issue 22)."""
    agreement = page(client, "/it/accordi/memorandum-d-intesa-legacoop-namdo-jeollanam-do/")
    assert "Jeollanam-do, nella persona di Lee Nak-yon" in agreement and "rappresentato da" not in agreement
    assert "Gruppi di cui fa parte: ASEAN" in page(client, "/it/paesi/vietnam/")
    union = page(client, "/it/organizzazioni/unione-europea/")
    assert "Organizzazione internazionale · internazionale" not in union
    exchanges = page(client, "/it/tappe/scambi-bologna-seul-economia-sociale/")
    assert "(dal 2012)" in exchanges and "(Dal 2012)" not in exchanges  # the citation's sentence
    assert "Dalla visita a Bologna dell'allora sindaco di Seul, nel 2012," in exchanges
    assert "sarebbe entrato in vigore il 1º febbraio 2019" in page(
        client, "/it/accordi/accordo-di-partenariato-economico-ue-giappone/"
    )
