"""Search results people can use (issue 14): count, kind, date, country and a snippet for each,
narrowing to one kind, "did you mean" for a near miss, a helpful page for none."""

import pytest

from portal.core.search import closest_name, snippet
from relations.models import Partner
from tests.factories import AgreementFactory, MilestoneFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def found(places):
    AgreementFactory(
        title="Cultural agreement",
        slug="cultural",
        summary="Bologna and Chongqing agreed to exchange musicians every year.",
        partners=[places.chongqing],
        date_year=2019,
    )
    MilestoneFactory(title="Musicians visit", slug="musicians", countries=[places.japan], date_year=2020)
    return places


def test_results_have_a_count_a_kind_a_date_a_country_and_a_snippet(client, found):
    content = client.get("/en/search/?q=musician").content.decode()
    assert "2 results for “musician”" in content
    result = content.split('<li class="search-result">')[1].split("</li>", 1)[0]
    assert '<span class="badge">Agreement</span>' in result
    assert '<time datetime="2019">2019</time>' in result
    assert '<span class="search-result-country">China</span>' in result
    assert "exchange <mark>musician</mark>s every year." in result


def test_results_can_be_narrowed_to_one_kind(client, found):
    content = client.get("/en/search/?q=musician").content.decode()
    assert 'href="?q=musician&amp;type=milestone">Milestones (1)</a>' in content
    narrowed = client.get("/en/search/?q=musician&type=milestone").content.decode()
    assert "Musicians visit" in narrowed and "Cultural agreement" not in narrowed
    assert "1 result for “musician”" in narrowed
    assert 'href="?q=musician&amp;type=agreement">Agreements (1)</a>' in narrowed  # the others stay one click away


def test_an_unknown_kind_is_a_clear_400(client, found):
    response = client.get("/en/search/?q=musician&type=spaceships")
    assert response.status_code == 400
    assert "Choose one of the kinds of result listed." in response.content.decode()


def test_a_near_miss_suggests_the_name_that_was_meant(client, found):
    content = client.get("/en/search/?q=chongquing").content.decode()
    assert "Nothing found for “chongquing”" in content
    assert 'Did you mean <a href="?q=Chongqing">Chongqing</a>?' in content


def test_no_results_and_nothing_close_gives_ways_forward_without_a_suggestion(client, found):
    content = client.get("/en/search/?q=xyzzyplugh").content.decode()
    assert "Nothing found for “xyzzyplugh”" in content
    assert "Did you mean" not in content
    assert 'href="/en/countries/"' in content and "a shorter or different word" in content


def test_suggestions_are_only_published_names(client, found):
    PartnerFactory(name="Secretcity", slug="secretcity", country=found.china, is_published=False)
    assert "Did you mean" not in client.get("/en/search/?q=secretcty").content.decode()


def test_closest_name_on_this_database(found):
    names = Partner.objects.values_list("name_en", flat=True)
    assert closest_name("chongquing", names)[0] == "Chongqing"
    assert closest_name("NAGOIA", names)[0] == "Nagoya"
    assert closest_name("zzzz", names) is None


@pytest.mark.parametrize(
    "text, query, expected",
    [
        ("A visit to the Città della musica.", "citta", ("A visit to the ", "Città", " della musica.")),
        ("No match here, a title matched.", "xyz", ("No match here, a title matched.", "", "")),
        ("", "x", ("", "", "")),
    ],
)
def test_snippet_finds_the_folded_match_in_the_original_text(text, query, expected):
    assert snippet(text, query) == expected


def test_a_long_snippet_is_cut_at_whole_words_around_the_match():
    text = " ".join(f"word{n}" for n in range(100)) + " target " + " ".join(f"tail{n}" for n in range(100))
    before, match, after = snippet(text, "target", width=60)
    assert match == "target"
    assert before.startswith("… word") and after.endswith(" …")
    assert len(before) + len(after) < 90
    assert not before[2:].split(" ", 1)[0].startswith("ord")  # no word cut in half
