"""The changelist search: each word in a record's text or in a related record's name, fast."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.models import Country
from tests.factories import AgreementFactory, FigureFactory, PartnerFactory

AGREEMENTS = "/admin/relations/agreement/"


def titles(response):
    return sorted(agreement.title for agreement in response.context["cl"].result_list)


@pytest.fixture
def agreements(db):
    hamamatsu = PartnerFactory(name="Hamamatsu-on-Test")
    with_partner = AgreementFactory(title="Friendship pact", summary="Signed at the Test Hall")
    with_partner.partners.add(hamamatsu, PartnerFactory(name="Second Test Partner"))
    AgreementFactory(title="Trade pact with Test Province", summary="Filed as QZ 7")
    AgreementFactory(title="Unrelated memorandum", summary="Exchanges of students")


def test_every_word_must_be_in_the_title_or_summary(admin_client, agreements):
    assert titles(admin_client.get(AGREEMENTS, {"q": "pact test"})) == [
        "Friendship pact",
        "Trade pact with Test Province",
    ]
    assert titles(admin_client.get(AGREEMENTS, {"q": "pact students"})) == []
    assert titles(admin_client.get(AGREEMENTS, {"q": '"test province"'})) == ["Trade pact with Test Province"]


def test_a_partner_name_finds_its_agreements_once(admin_client, agreements):
    response = admin_client.get(AGREEMENTS, {"q": "test partner"})
    assert titles(response) == ["Friendship pact"]
    assert response.context["cl"].result_count == 1
    assert titles(admin_client.get(AGREEMENTS, {"q": "hamamatsu-on"})) == ["Friendship pact"]
    # One word in the title, the other in a partner's name, as Django's own search allows.
    assert titles(admin_client.get(AGREEMENTS, {"q": "friendship hamamatsu"})) == ["Friendship pact"]


def test_search_needs_no_distinct_join(admin_client, agreements):
    """The count of a search is a plain count: no DISTINCT over a join with the partners."""
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(AGREEMENTS, {"q": "hamamatsu"}).status_code == 200
    counts = [query["sql"] for query in queries.captured_queries if "COUNT(" in query["sql"]]
    assert counts
    assert not any("DISTINCT" in sql for sql in counts)


def test_short_words_are_searched_too(admin_client, agreements):
    """Words under three characters cannot use a trigram index; they are still found."""
    assert titles(admin_client.get(AGREEMENTS, {"q": "qz"})) == ["Trade pact with Test Province"]
    assert titles(admin_client.get(AGREEMENTS, {"q": "qz friendship"})) == []


def test_figures_are_found_by_their_country_name(admin_client, db):
    about_china = FigureFactory(label="Exports to the test market", country=Country.objects.get(slug="china"))
    elsewhere = FigureFactory(label="Imports from the test market")
    response = admin_client.get("/admin/trade/figure/", {"q": "china test"})
    assert response.status_code == 200
    found = list(response.context["cl"].result_list)
    assert about_china in found  # "china" is in its country's name, "test" in its label
    assert elsewhere not in found
