"""Pages that tell the story (issue 14): a lead, key facts, the story oldest first; timeline rows
that say whom they concern."""

import pytest

from relations import selectors
from relations.models import Organisation
from tests.factories import (
    AgreementFactory,
    CountryFactory,
    MilestoneFactory,
    OrganisationFactory,
    PartnerFactory,
    SignatoryFactory,
)

pytestmark = pytest.mark.django_db


def test_a_country_page_opens_with_its_lead_then_key_facts_then_the_story(client, places):
    places.china.lead = "Bologna and China have worked together since 1989."
    places.china.save()
    content = client.get("/en/countries/china/").content.decode()
    lead = content.index("Bologna and China have worked together since 1989.")
    facts = content.index('<section class="key-facts"')
    story = content.index('<section id="story"')
    assert lead < facts < story


def test_the_story_reads_oldest_first_with_recent_and_undated_records_last(places):
    china, chongqing = places.china, places.chongqing
    MilestoneFactory(title="Undated exchange", slug="undated", partners=[chongqing], date_year=None)
    MilestoneFactory(
        title="Recent visit", slug="recent", partners=[chongqing], date_year=None, date_qualifier="recently"
    )
    MilestoneFactory(title="Library opens", slug="library", countries=[china], date_year=2021, date_month=3)
    AgreementFactory(title="Chengdu agreement", slug="chengdu", countries=[china], date_year=2019)
    page = selectors.country_page(country=china)
    assert [record.title for record in page["story"]] == [
        "Agreement with Chongqing",  # 1989
        "Chengdu agreement",
        "Library opens",
        "Recent visit",
        "Undated exchange",
    ]
    assert [agreement.title for agreement in page["agreements"]] == ["Chengdu agreement", "Agreement with Chongqing"]


def signed_by(organisation, *agreements):
    for agreement in agreements:
        SignatoryFactory(agreement=agreement, organisation=organisation)


def key_facts(content):
    return content.split('<section class="key-facts"', 1)[1].split("</section>", 1)[0]


def test_key_facts_name_the_earliest_and_latest_dated_agreements_signed_in_emilia_romagna(client, places):
    """Issue 22, item 7: "earliest dated", only what an Emilia-Romagna body signed, ties and the
    undated ones said, and the convention stated on the page."""
    china = places.china
    bologna = OrganisationFactory(name="Municipality of Bologna", slug="bologna")
    union = OrganisationFactory(name="European Union", slug="eu", side=Organisation.Side.INTERNATIONAL)
    signed_by(
        bologna,
        places.chongqing_agreement,  # 1989
        AgreementFactory(title="Latest deal", slug="latest", countries=[china], date_year=2019),
        AgreementFactory(title="Same-year deal", slug="same-year", countries=[china], date_year=2019),
        AgreementFactory(title="Undated deal", slug="undated-deal", countries=[china], date_year=None),
    )
    signed_by(union, AgreementFactory(title="Union deal", slug="union", countries=[china], date_year=1980))
    PartnerFactory(name="Chengdu", slug="chengdu", country=china)
    page = selectors.country_page(country=china)
    key = page["key_agreements"]
    assert [agreement.title for agreement in key["earliest"]["agreements"]] == ["Agreement with Chongqing"]
    assert {agreement.title for agreement in key["latest"]["agreements"]} == {"Latest deal", "Same-year deal"}
    assert [agreement.title for agreement in key["undated"]["agreements"]] == ["Undated deal"]
    assert page["partner_count"] == 2
    facts = key_facts(client.get("/en/countries/china/").content.decode())
    assert "Earliest dated agreement" in facts and "Agreement with Chongqing" in facts and "1989" in facts
    assert "Most recent dated agreement" in facts and "Latest deal" in facts and "Same-year deal" in facts
    assert "Agreement without a date" in facts and "Undated deal" in facts
    assert "Union deal" not in facts and "First agreement" not in facts
    assert (
        "For the earliest and the most recent dated agreement only those an Emilia-Romagna body signed count" in facts
    )
    assert "2 partners" in facts
    italian = key_facts(client.get("/it/paesi/china/").content.decode())
    assert "Accordo datato più antico" in italian and "Accordo senza data" in italian
    assert "Per l'accordo datato più antico e per il più recente contano solo quelli firmati da un ente" in italian


def test_an_agreement_signed_recently_without_a_date_is_named_apart(client, places):
    bologna = OrganisationFactory(slug="bologna")
    recent = AgreementFactory(
        title="Recent deal", slug="recent", partners=[places.chongqing], date_year=None, date_qualifier="recently"
    )
    signed_by(bologna, places.chongqing_agreement, recent)
    key = selectors.partner_page(partner=places.chongqing)["key_agreements"]
    assert [agreement.title for agreement in key["recent"]["agreements"]] == ["Recent deal"]
    assert "latest" not in key  # one dated agreement is the earliest, not also the latest
    facts = key_facts(client.get("/en/partners/chongqing/").content.decode())
    assert "Signed recently, date not stated" in facts and "Recent deal" in facts


def test_every_story_entry_cites_its_source_and_year(client, places):
    MilestoneFactory(title="Undated exchange", slug="undated", partners=[places.chongqing], date_year=None)
    story = client.get("/en/countries/china/").content.decode().split('<ol class="story">', 1)[1].split("</ol>", 1)[0]
    entries = story.split('<li class="story-entry">')[1:]
    assert len(entries) == 2
    for entry in entries:
        assert '<div class="source citation">' in entry
    assert '<span class="citation-year"> · 1989</span>' in entries[0]
    assert '<span class="citation-year"> · year not stated</span>' in entries[1]


def test_a_partner_page_tells_its_story_too(client, places):
    signed_by(OrganisationFactory(slug="bologna"), places.chongqing_agreement)
    MilestoneFactory(title="Chongqing visit", slug="visit", partners=[places.chongqing], date_year=2001)
    content = client.get("/en/partners/chongqing/").content.decode()
    story = content.split('<ol class="story">', 1)[1].split("</ol>", 1)[0]
    assert story.index("Agreement with Chongqing") < story.index("Chongqing visit")
    assert "Earliest dated agreement" in key_facts(content)


def test_timeline_rows_say_which_countries_and_partners_they_concern(client, places):
    korea = CountryFactory(name="Republic of Korea", slug="republic-of-korea", iso_code="KR")
    MilestoneFactory(title="Visit to Korea", slug="korea-visit", countries=[korea], date_year=2012)
    content = client.get("/en/timeline/").content.decode()
    rows = {
        row.split('class="timeline-title"', 1)[1].split(">", 1)[1].split("<", 1)[0]: row
        for row in content.split('<li class="timeline-entry">')[1:]
    }
    chongqing_row = rows["Agreement with Chongqing"]
    assert '<a href="/en/countries/china/">China</a>' in chongqing_row
    assert '<a href="/en/partners/chongqing/">Chongqing</a>' in chongqing_row
    assert '<a href="/en/countries/republic-of-korea/">Republic of Korea</a>' in rows["Visit to Korea"]
    assert "/en/partners/" not in rows["Visit to Korea"]


def test_timeline_parties_cost_two_queries_per_kind_whatever_the_page_size(places, django_assert_num_queries):
    for n in range(15):
        MilestoneFactory(slug=f"m{n}", partners=[places.chongqing], countries=[places.japan], date_year=2000 + n)
    timeline = selectors.timeline()
    with django_assert_num_queries(8):  # dated and undated rows of each kind, then partners and countries of each
        entries = timeline[0:20]
    assert all(entry.countries for entry in entries)
