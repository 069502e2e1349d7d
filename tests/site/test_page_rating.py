"""'Was this page useful?' (the AgID rating component): anonymous counts per page, limits against
floods without cookies, and the editors' report."""

import pytest
from django.core.cache import caches

from portal.core.caching import content_version
from portal.site.models import PageRating

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits():
    caches["default"].clear()
    yield
    caches["default"].clear()


def rate(client, page="/en/countries/china/", stars=4, address="192.0.2.10", headers=None, **fields):
    data = {"page": page, "stars": stars, **fields}
    return client.post("/en/page-rating/", data, REMOTE_ADDR=address, **(headers or {}))


def counts():
    return {(row.path, row.stars): row.count for row in PageRating.objects.all()}


def test_every_page_offers_the_rating_form_without_a_cookie(client, places):
    response = client.get("/it/paesi/china/")
    content = response.content.decode()
    assert '<form class="page-rating-form" method="post" action="/it/valutazione-pagina/">' in content
    assert '<input type="hidden" name="page" value="/it/paesi/china/">' in content
    assert content.count('name="stars"') == 5
    assert not response.cookies


def test_an_answer_is_counted_for_its_page_and_rating_and_sets_no_cookie(client, places):
    response = rate(client)
    assert response.status_code == 200
    assert "Your answer has been counted" in response.content.decode()
    assert not response.cookies
    rate(client, address="192.0.2.11")
    rate(client, stars=2, address="192.0.2.12")
    assert counts() == {("/en/countries/china/", 4): 2, ("/en/countries/china/", 2): 1}


def test_one_answer_per_page_and_address_a_day(client, places):
    rate(client)
    again = rate(client, stars=1)
    assert again.status_code == 200
    assert "already been counted today" in again.content.decode()
    assert counts() == {("/en/countries/china/", 4): 1}
    rate(client, page="/en/countries/japan/")  # another page is another answer
    assert counts()[("/en/countries/japan/", 4)] == 1


def test_an_address_answering_too_often_is_refused_for_the_hour(client, places, settings):
    settings.PORTAL_RATINGS_PER_HOUR = 3
    pages = ["/en/", "/en/countries/", "/en/countries/china/", "/en/countries/japan/"]
    statuses = [rate(client, page=page).status_code for page in pages]
    assert statuses == [200, 200, 200, 429]
    assert sum(counts().values()) == 3
    assert rate(client, page="/en/timeline/", address="192.0.2.99").status_code == 200  # others still answer


def test_the_trap_field_counts_nothing(client, places):
    response = rate(client, website="http://spam.example")
    assert response.status_code == 200
    assert counts() == {}


@pytest.mark.parametrize(
    "page, stars, message",
    [
        ("/admin/", 4, "This is not a page of the portal."),
        ("https://example.org/", 4, "This is not a page of the portal."),
        ("/en/no-such-page/", 4, "This is not a page of the portal."),
        ("/en/countries/china/", 9, "Choose from one to five stars, then send."),
        ("/en/countries/china/", "", "Choose from one to five stars, then send."),
    ],
)
def test_a_wrong_answer_is_a_clear_400_and_counts_nothing(client, places, page, stars, message):
    response = rate(client, page=page, stars=stars)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert counts() == {}


def test_an_answer_does_not_make_the_cached_pages_stale(client, places):
    before = content_version()
    rate(client)
    rate(client, address="192.0.2.50")
    assert content_version() == before


def test_the_editors_report_lists_the_least_useful_pages_first(admin_client, client, places):
    rate(client, page="/en/countries/china/", stars=5, address="192.0.2.1")
    rate(client, page="/en/countries/china/", stars=4, address="192.0.2.2")
    rate(client, page="/en/countries/japan/", stars=1, address="192.0.2.3")
    content = admin_client.get("/admin/site/pagerating/").content.decode()
    assert content.index("/en/countries/japan/") < content.index("/en/countries/china/")
    assert "<td>4.5</td>" in content and "<td>1.0</td>" in content


def test_a_rating_for_a_page_that_does_not_exist_is_refused(client, places):
    """Issue 27: /en/countries/atlantis/ resolves like a country's page, but answers 404."""
    assert rate(client, page="/en/countries/atlantis/").status_code == 400
    assert rate(client, page="/en/info/no-such-page/").status_code == 400
    assert rate(client, page="/en/countries/china/").status_code == 200
    assert counts() == {("/en/countries/china/", 4): 1}


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "https://elsewhere.example"}, {"HTTP_SEC_FETCH_SITE": "cross-site"}],
)
def test_a_rating_sent_from_another_site_is_refused(client, places, headers):
    response = rate(client, headers=headers)
    assert response.status_code == 403
    assert "not from another site" in response.content.decode()
    assert counts() == {}
    same_site = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
    assert rate(client, headers=same_site).status_code == 200
    assert counts() == {("/en/countries/china/", 4): 1}


def test_the_editors_report_is_paginated(admin_client, db):
    PageRating.objects.bulk_create(
        PageRating(path=f"/en/partners/p{n:03d}/", stars=1 + n % 5, count=1 + n % 3) for n in range(250)
    )
    first = admin_client.get("/admin/site/pagerating/")
    assert first.status_code == 200
    assert len(first.context["pages"].object_list) == 100
    assert "Page 1 of 3" in first.content.decode()
    averages = [page["average"] for page in first.context["pages"]]
    assert averages == sorted(averages)  # the least useful first
    last = admin_client.get("/admin/site/pagerating/", {"page": 3})
    assert len(last.context["pages"].object_list) == 50
    row = last.context["pages"][0]
    assert sum(row["by_stars"]) == row["answers"] and len(row["by_stars"]) == 5


def test_a_page_is_rateable_whatever_the_language_of_the_form_s_address(client, places):
    """The page's own address decides, not the language the answer was posted in."""
    response = client.post("/en/page-rating/", {"page": "/it/paesi/china/", "stars": 3}, REMOTE_ADDR="192.0.2.11")
    assert response.status_code == 200
    assert counts() == {("/it/paesi/china/", 3): 1}
