"""Nothing shown as sourced that its source does not state (issue 22, items 1-11), and the fixture
rule that keeps it so: every text cites every source it draws on, every correction carries its note."""

import csv
import html
import io
import json
import re

import pytest

from relations.models import Agreement, Country, Milestone, Partner
from tests.addresses import address_in
from tests.facts.inventory import FACTS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]

EPA = "eu-japan-economic-partnership-agreement"
PRESS_RELEASE = "council-eu-japan-trade-agreement-2018"


def text_of(piece):
    """The words of a piece of a page, without tags or repeated spaces."""
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", piece))
    return html.unescape(re.sub(r" ([,.;])", r"\1", words)).strip()


def between(content, start, end):
    return content.split(start, 1)[1].split(end, 1)[0]


def life_step(content, label):
    """The text of one step of an agreement's life (its label, value and source)."""
    life = between(content, '<ol class="life', "</ol>")
    steps = [text_of(step) for step in life.split("<li")[1:]]
    (step,) = [step for step in steps if step.startswith(label) or f" {label} " in f" {step} "]
    return step


# Item 1: the EU–Japan agreement.


def test_the_eu_japan_status_is_not_stated_and_its_entry_into_force_cites_the_council(client):
    content = client.get(f"/en/agreements/{EPA}/").content.decode()
    facts = text_of(between(content, '<dl class="facts">', "</dl>"))
    assert "Status Not stated" in facts
    assert "in force" not in facts.lower().replace("entered into force", "")
    entry = life_step(content, "Entered into force")
    assert "1 February 2019" in entry
    assert "EU-Japan trade agreement will enter into force on 1 February 2019, Press release" in entry
    assert "Business & Asia" not in entry


def test_the_eu_japan_signing_date_shows_what_the_source_says_and_the_correction_as_the_editors(client):
    content = client.get(f"/en/agreements/{EPA}/").content.decode()
    signed = life_step(content, "Signed")
    assert "17 July 2018" in signed
    assert "EU-Japan trade agreement will enter into force" in signed  # the corrected date's source
    assert "Business & Asia" not in signed
    assert "the source cited above says 2019" in signed
    citation = text_of(between(content, '<div class="source citation">', "</div>"))
    assert "Business & Asia, Japan · it says 2019" in citation
    assert "date corrected by the editors from EU-Japan trade agreement will enter into force" in citation
    assert "Business & Asia, Japan · 2018" not in citation
    cite = text_of(between(content, '<p class="cite-text">', "</p>"))
    assert "17 July 2018, a date the editors corrected from “EU-Japan trade agreement" in cite
    assert "the source says 2019" in cite
    italian = client.get(address_in("it", f"/agreements/{EPA}/")).content.decode()
    citation = text_of(between(italian, '<div class="source citation">', "</div>"))
    assert "Business & Asia, Giappone · la fonte riporta 2019" in citation
    assert "data corretta dalla redazione in base a" in citation


def test_the_press_release_is_a_source_with_its_publisher_date_and_address(client):
    content = text_of(client.get(f"/en/sources/{PRESS_RELEASE}/").content.decode())
    assert "Publisher Council of the European Union" in content
    assert "Date of the document 21 December 2018" in content
    assert "consilium.europa.eu" in content


def test_the_lifecycle_sources_reach_every_download(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/en/data/agreements.csv").content.decode("utf-8-sig"))))
    (epa,) = [row for row in rows if row["id"] == EPA]
    assert epa["status"] == "not-stated" and epa["status_source"] == ""
    assert epa["entry_into_force_source"] == f"{PRESS_RELEASE}/press-release"
    assert epa["date_in_source"] == "2019" and epa["date_source"] == f"{PRESS_RELEASE}/press-release"
    assert "term_source" in epa
    (as_json,) = [row for row in json.loads(client.get("/en/data/agreements.json").content) if row["id"] == EPA]
    assert as_json["entry_into_force_source"] == f"{PRESS_RELEASE}/press-release"
    package = json.loads(client.get("/en/data/datapackage.json").content)
    (schema,) = [resource["schema"] for resource in package["resources"] if resource["name"] == "agreements-csv"]
    names = [field["name"] for field in schema["fields"]]
    for column in ["status_source", "entry_into_force_source", "term_source", "date_in_source", "date_source"]:
        assert column in names


# Item 2: no twinning the sources do not claim.


def test_the_italian_home_claims_no_twinning(client):
    content = client.get("/it/").content.decode()
    assert "emellag" not in content
    assert "Partenariati tra città" in content


# Item 4: the flow of the Korean figures.


def test_the_korean_figures_say_korea_bought_the_agricultural_goods(client):
    content = client.get("/it/paesi/repubblica-di-corea/").content.decode()
    row = text_of(between(content, '<tr id="figure-reggio-emilia-agricultural-exports-to-korea">', "</tr>"))
    assert "Prodotti agricoli acquistati dalla Repubblica di Corea" in row
    assert "importati dalla" not in row and "Corea del Sud" not in row


# Item 5: Hamamatsu is itself a City of Music.


def test_the_japan_lead_says_hamamatsu_is_a_city_of_music_like_bologna():
    japan = Country.objects.get(slug="japan")
    assert "Hamamatsu, che come Bologna è Città creativa della musica" in japan.lead_it
    assert "come Bologna Città creativa" not in japan.lead_it


# Item 6: a lead cites every source it uses.


@pytest.mark.parametrize("slug", ["china", "republic-of-korea", "japan"])
def test_the_country_leads_cite_both_documents_they_draw_on(client, slug):
    content = client.get(f"/en/countries/{slug}/").content.decode()
    lead = content.split('class="lead page-lead"', 1)[1]
    lead_citation = text_of(between(lead, '<div class="source citation">', "</div>"))
    assert lead_citation.startswith("Sources:")
    assert "Emilia-Romagna & Asia" in lead_citation and "Business & Asia" in lead_citation


def cited_sections(record):
    sections = [record.source_section, *getattr(record, "lead_sources", Country.objects.none()).all()]
    return {(section.source.slug, section.slug) for section in sections}


TEXTS = [(Country, "lead"), (Partner, "story")]


@pytest.mark.parametrize(("model", "field"), TEXTS, ids=[f"{model.__name__}.{field}" for model, field in TEXTS])
def test_every_fact_a_text_states_is_stated_by_a_source_it_cites(model, field):
    """The fixture rule: a country's lead or a partner's story that states a seed fact (all of the
    fact's snippets in its English) cites the fact's document and section, or another whose fact
    says the same words (Japan's lead: "City of Music" is in its Japan section too)."""
    missing = []
    for record in model.objects.select_related("source_section__source"):
        text, cited = getattr(record, f"{field}_en"), cited_sections(record)
        stated = [fact for fact in FACTS if fact.shows and all(snippet in text for snippet in fact.shows)]
        for fact in stated:
            sources = {(other.document, other.section) for other in stated if other.shows == fact.shows}
            if not sources & cited:
                missing.append((record.slug, fact.id, fact.document, fact.section))
    assert not missing, missing


def test_every_corrected_date_carries_its_note_in_both_languages_and_the_source_of_the_correction():
    records = [*Agreement.objects.all(), *Milestone.objects.all()]
    corrected = [record for record in records if record.date_is_corrected or record.date_source_id]
    assert corrected, "the EU–Japan agreement's date is a correction"
    for record in corrected:
        assert record.date_source is not None, record.slug
        assert record.date_in_source_en in record.note_en and record.date_in_source_it in record.note_it, record.slug


# Item 7 is in tests/relations/test_story.py; here, the home says how it ranks "latest".


def test_the_home_says_how_its_latest_records_are_ranked(client):
    assert "What a source says happened “recently”, without a date" in client.get("/en/").content.decode()
    assert "Ciò che secondo una fonte è avvenuto «di recente»" in client.get("/it/").content.decode()


# Item 8: Shenzhen's tie came through the UNESCO Creative Cities Network.


def test_shenzhen_is_tied_through_a_network_of_cities_on_the_map(client):
    table = client.get("/en/map/").content.decode().split("<table", 1)[1]
    row = text_of(between(table, 'href="/en/partners/shenzhen/"', "</tr>"))
    assert "network of cities" in row and "other cooperation" not in row


# Item 10: the downloads.


def test_every_agreement_download_names_its_countries_and_the_representative(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/en/data/agreements.csv").content.decode("utf-8-sig"))))
    assert [row["id"] for row in rows if not row["countries"]] == []
    (namdo,) = [row for row in rows if row["id"] == "legacoop-namdo-jeollanam-do-memorandum-of-understanding"]
    assert "Lee Nak-yon" in namdo["signatory_representatives"]


def test_coordinates_are_rounded_one_way_on_the_map_and_the_partner_page(client):
    table = client.get("/en/map/").content.decode().split("<table", 1)[1]
    on_map = text_of(between(table, 'href="/en/partners/chengdu/"', "</tr>"))
    on_page = text_of(client.get("/en/partners/chengdu/").content.decode())
    assert "30.66° N, 104.06° E" in on_map and "30.66° N, 104.06° E" in on_page
    assert "30.65°" not in on_map
    assert "30,66° N, 104,06° E" in text_of(client.get("/it/partner/chengdu/").content.decode())


# Item 11: citations.


@pytest.mark.parametrize(
    "slug", ["exports-to-japan", "reggio-emilia-agricultural-exports-to-korea", "korea-exports-to-reggio-emilia"]
)
def test_a_figure_without_a_currency_is_cited_as_such(client, slug):
    content = client.get("/en/business/").content.decode()
    cite = text_of(between(between(content, f'<tr id="figure-{slug}">', "</tr>"), '<p class="cite-text">', "</p>"))
    assert "million, currency not stated (2015)" in cite


def test_the_business_summaries_and_the_strategy_show_their_source(client):
    content = client.get("/en/business/").content.decode()
    for country in ["china", "japan", "republic-of-korea"]:
        section = between(content, f'<section aria-labelledby="country-{country}-title">', "</section>")
        assert section.index('<div class="source citation">') < section.index('<div class="table-wrap"'), country
    strategies = between(content, '<section aria-labelledby="strategies-title">', "</section>")
    assert "Business & Asia" in text_of(between(strategies, '<div class="source citation">', "</div>"))


def test_the_korean_story_puts_the_2012_visit_before_the_exchanges_it_began(client):
    story = between(client.get("/en/countries/republic-of-korea/").content.decode(), '<ol class="story">', "</ol>")
    assert story.index("The then-mayor of Seoul visits Bologna") < story.index("Exchanges between Bologna and Seoul")


def test_jeollanam_do_filed_as_a_province_says_so(client):
    content = text_of(client.get("/en/partners/jeollanam-do/").content.decode())
    assert "The source says “Jeollanam-do Region”" in content


def test_the_vietnam_lead_keeps_establish_relationships():
    vietnam = Country.objects.get(slug="vietnam")
    assert "establish relationships" in vietnam.lead_en
    assert "stabilire relazioni" in vietnam.lead_it


def test_a_life_step_shows_a_source_line_only_when_it_has_a_source(client):
    for agreement in Agreement.objects.all():
        content = client.get(agreement.get_absolute_url()).content.decode()
        lines = [block.split("</div>", 1)[0] for block in content.split('<div class="life-source citation">')[1:]]
        assert all("<a href=" in line for line in lines), agreement.slug
        assert "Status not stated" not in life_step(content, "Status"), agreement.slug
