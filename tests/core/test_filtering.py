"""No query string can produce a 500; bad input gets a clear message, an empty result or a 404."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    AgreementFactory,
    CountryFactory,
    GroupingFactory,
    OrganisationFactory,
    PartnerFactory,
    SignatoryFactory,
)

LISTS = ["/en/partners/", "/en/agreements/", "/en/timeline/", "/en/search/"]
ALL_PAGES = [
    *LISTS,
    "/en/",
    "/en/countries/",
    "/en/countries/china/",
    "/en/business/",
    "/en/organisations/",
    "/en/about/",
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/en/agreements/?year_from=abc", "Enter a whole number."),
        ("/en/agreements/?year_from=99999", "Ensure this value is less than or equal to 2100."),
        ("/en/agreements/?year_from=-5", "Ensure this value is greater than or equal to 1000."),
        ("/en/agreements/?year_from=2020&year_to=2010", "The period ends before it starts."),
        ("/en/agreements/?country=atlantis", "Select a valid choice."),
        ("/en/agreements/?partner=nowhere", "Select a valid choice."),
        ("/en/agreements/?kind=treaty", "Select a valid choice."),
        ("/en/agreements/?domain=%00", "Null characters are not allowed."),
        ("/en/partners/?country=atlantis", "Select a valid choice."),
        ("/en/partners/?kind=village", "Select a valid choice."),
        ("/en/timeline/?year_to=1e400", "Enter a whole number."),
        ("/en/timeline/?country=atlantis", "Select a valid choice."),
        ("/en/search/?q=" + "x" * 10_000, "Search with at most 200 characters (you typed 10000)."),
    ],
)
def test_invalid_filter_is_a_400_with_its_message_and_lists_nothing(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'class="card"' not in content
    assert 'class="timeline-entry"' not in content


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["0", "-1", "99999999999999999999999", "abc", "1.5"])
def test_impossible_page_number_is_a_404(client, number):
    assert client.get(f"/en/agreements/?page={number}").status_code == 404


@pytest.mark.django_db
def test_junk_and_repeated_keys_are_ignored_or_take_the_last_value(client, places):
    response = client.get("/en/agreements/?foo=bar&utm_source=x&country=japan&country=china")
    assert response.status_code == 200
    assert response.context["filter"].form.cleaned_data["country"].slug == "china"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ALL_PAGES)
def test_bytes_that_are_not_utf8_do_not_break_any_page(client, places, url):
    response = client.get(url, QUERY_STRING="q=%ff%fe&country=%c3%28&year_from=%80")
    assert response.status_code in (200, 400)


@pytest.mark.django_db
def test_filters_keep_working_through_pagination(client, places):
    AgreementFactory.create_batch(20, partners=[places.chongqing], date_year=2000)  # 21 with China: 2 pages
    first = client.get("/en/agreements/?country=china")
    assert 'href="?country=china&amp;page=2"' in first.content.decode()
    second = client.get("/en/agreements/?country=china&page=2")
    assert [agreement.pk for agreement in second.context["agreements"]] == [places.chongqing_agreement.pk]
    assert places.nagoya_agreement not in list(first.context["agreements"])


@pytest.mark.django_db
def test_agreement_filters_give_exact_results(client, places):
    def slugs(query):
        response = client.get(f"/en/agreements/?{query}")
        assert response.status_code == 200, query
        return {agreement.slug for agreement in response.context["agreements"]}

    region = OrganisationFactory(slug="the-region")
    gujarat = AgreementFactory(kind="declaration-of-intent", date_year=2013, partners=[PartnerFactory()])
    SignatoryFactory(agreement=gujarat, organisation=region)
    SignatoryFactory(agreement=places.nagoya_agreement, organisation=region)
    vietnam = CountryFactory(slug="vietnam")
    asean = GroupingFactory(slug="asean")
    asean.members.set([vietnam])
    binh_duong = AgreementFactory(partners=[PartnerFactory(country=vietnam)])
    chongqing, nagoya = places.chongqing_agreement.slug, places.nagoya_agreement.slug

    assert slugs("domain=music") == {nagoya}
    assert slugs("signatory=the-region&year_from=2014") == {nagoya}
    assert slugs("signatory=the-region") == {nagoya, gujarat.slug}
    assert slugs("kind=declaration-of-intent") == {gujarat.slug}
    assert slugs("partner=chongqing") == {chongqing}
    assert slugs("country=japan&year_to=2015") == {nagoya}
    assert slugs("country=japan&year_to=2014") == set()
    assert slugs("country=asean") == {binh_duong.slug}
    assert slugs("q=nagoya") == {nagoya}


FILTER_KEYS = ["q", "country", "partner", "kind", "domain", "signatory", "year_from", "year_to", "page", "junk"]
query_values = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["china", "japan", "music", "city", "0", "", "last", "NaN", "1e999", "%", "\x00"]),
)
query_strings = st.lists(st.tuples(st.sampled_from(FILTER_KEYS), query_values), max_size=6)


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=query_strings)
def test_generated_query_strings_never_cause_a_server_error(client, url, pairs):
    response = client.get(url, pairs and dict(pairs))
    assert response.status_code in (200, 400, 404)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/agreements/?year_from=٢٠٢٠", "/en/timeline/?year_to=２０２０", "/en/agreements/?year_to=२०२०"]
)
def test_years_in_other_digit_systems_are_refused(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Enter a year in digits 0–9." in response.content.decode()


@pytest.mark.django_db
def test_a_page_number_in_other_digits_is_a_404(client):
    assert client.get("/en/agreements/?page=١").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=CHINA", "country=china"),
        ("country=Japan&kind=COOPERATION-AGREEMENT", "country=japan&kind=cooperation-agreement"),
        ("domain=Music", "domain=music"),
    ],
)
def test_filter_values_are_case_insensitive(client, places, query, expected):
    places.nagoya_agreement.kind = "cooperation-agreement"
    places.nagoya_agreement.save()
    upper = client.get(f"/en/agreements/?{query}")
    lower = client.get(f"/en/agreements/?{expected}")
    assert upper.status_code == lower.status_code == 200
    assert [a.slug for a in upper.context["agreements"]] == [a.slug for a in lower.context["agreements"]]
    assert list(upper.context["agreements"])


@pytest.mark.django_db
def test_partner_filter_is_case_insensitive(client, places):
    response = client.get("/en/partners/?country=JAPAN")
    assert response.status_code == 200
    assert [partner.slug for partner in response.context["partners"]] == ["nagoya"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/search/?q=", "/en/search/?q=%20%20", "/en/search/"])
def test_an_empty_search_asks_what_to_look_for(client, url):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Type a word or a name to search for" in content
    assert "field-error" not in content
