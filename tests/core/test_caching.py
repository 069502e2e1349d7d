"""The anonymous page cache: fast repeats, exact invalidation, conditional GET, never for staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.models import Partner


@pytest.fixture
def page_cache(settings, tmp_path, places):
    settings.PORTAL_PAGE_CACHE = True
    settings.PORTAL_CONTENT_VERSION_FILE = str(tmp_path / "content-version")
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.mark.django_db
def test_repeat_visit_is_served_from_cache_without_queries(client, page_cache):
    first = client.get("/en/partners/chongqing/")
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/partners/chongqing/")
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=5"
    assert second["Vary"] == "Accept-Encoding"  # cookies do not change a public page (see portal.core.caching)


@pytest.mark.django_db
def test_an_editors_change_is_visible_on_the_very_next_request(client, page_cache):
    assert "Rewritten story" not in client.get("/en/partners/chongqing/").content.decode()
    partner = Partner.objects.get(slug="chongqing")
    partner.story = "Rewritten story"
    partner.save()
    assert "Rewritten story" in client.get("/en/partners/chongqing/").content.decode()


@pytest.mark.django_db
def test_unpublishing_removes_the_page_at_once(client, page_cache):
    assert client.get("/en/partners/nagoya/").status_code == 200
    partner = Partner.objects.get(slug="nagoya")
    partner.is_published = False
    partner.save()
    assert client.get("/en/partners/nagoya/").status_code == 404
    assert "/en/partners/nagoya/" not in client.get("/en/partners/").content.decode()


@pytest.mark.django_db
def test_conditional_get_answers_304_until_content_changes(client, page_cache):
    first = client.get("/en/countries/japan/")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert client.get("/en/countries/japan/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/en/countries/japan/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    Partner.objects.get(slug="nagoya").save()
    assert client.get("/en/countries/japan/", HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_pages_for_staff_are_neither_cached_nor_cacheable(client, admin_user, page_cache):
    client.get("/en/partners/chongqing/")
    client.force_login(admin_user)
    response = client.get("/en/partners/chongqing/")
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "ETag" not in response


@pytest.mark.django_db
def test_errors_and_invalid_filters_are_not_cached(client, page_cache):
    assert client.get("/en/agreements/?year_from=abc").status_code == 400
    assert client.get("/en/no-such-page/").status_code == 404
    from django.core.cache import caches

    assert not any("page:" in str(key) for key in caches["pages"]._cache)  # locmem's store: nothing kept


def cached_pages():
    from django.core.cache import caches

    return [key for key in caches["pages"]._cache if "page:" in str(key)]  # locmem's store


@pytest.mark.django_db
@pytest.mark.parametrize(
    "cookies",
    [{"sessionid": "x"}, {"csrftoken": "a" * 32}, {"sessionid": "x", "csrftoken": "b" * 32}],
    ids=["bogus session", "csrf token", "both"],
)
def test_cookies_without_a_live_staff_session_are_served_from_the_cache(client, page_cache, cookies):
    client.get("/en/")
    for name, value in cookies.items():
        client.cookies[name] = value
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    assert response.status_code == 200
    assert len(queries) <= 1  # at most the session lookup that proves the cookie is not a staff session
    assert not any("relations_" in query["sql"] for query in queries)


@pytest.mark.django_db
def test_a_visitor_logged_in_without_staff_rights_gets_the_cached_page(client, page_cache, django_user_model):
    visitor = django_user_model.objects.create_user("reader", password="a long password for tests")
    client.get("/en/")
    client.force_login(visitor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    assert response.status_code == 200
    assert not any("relations_" in query["sql"] for query in queries)


@pytest.mark.django_db
def test_a_live_staff_session_bypasses_the_cache(client, page_cache, admin_user):
    client.get("/en/partners/chongqing/")
    client.force_login(admin_user)
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/partners/chongqing/")
    assert any("relations_partner" in query["sql"] for query in queries)


@pytest.mark.django_db
def test_parameters_a_page_does_not_use_create_no_cache_entries(client, page_cache):
    client.get("/en/")
    client.get("/en/agreements/?country=china")
    assert len(cached_pages()) == 2
    for number in range(5):
        assert client.get(f"/en/?x={number}").status_code == 200
        assert client.get(f"/en/agreements/?country=china&utm_source={number}").status_code == 200
    assert len(cached_pages()) == 2
    with CaptureQueriesContext(connection) as queries:
        reordered = client.get("/en/agreements/?utm_source=z&country=china")
    assert len(queries) == 0
    assert reordered.status_code == 200


@pytest.mark.django_db
def test_parameters_a_page_uses_still_select_their_own_page(client, page_cache):
    china = client.get("/en/agreements/?country=china").content
    japan = client.get("/en/agreements/?country=japan").content
    assert china != japan
    assert client.get("/en/agreements/?country=china").content == china


@pytest.mark.django_db
def test_a_forged_host_is_refused_even_when_the_page_is_cached(client, page_cache):
    assert client.get("/en/").status_code == 200
    assert client.get("/en/", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "status"), [("/en/no-such-page/", 404), ("/en/agreements/?year_from=abc", 400)])
def test_a_conditional_get_in_the_future_does_not_turn_an_error_into_304(client, page_cache, url, status):
    response = client.get(url, HTTP_IF_MODIFIED_SINCE="Fri, 01 Jan 2100 00:00:00 GMT")
    assert response.status_code == status
    assert "public" not in response.get("Cache-Control", "")


# Issue 26: every public address is cached like a page (so nginx keeps it too), not only the
# class-based pages: feeds, the sitemaps, the data package, the catalogue and every download.
MACHINE_READABLE = [
    "/en/feeds/changes.atom",
    "/it/feeds/countries/china.atom",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/en/data/datapackage.json",
    "/data/catalogue.ttl",
    "/en/data/partners.csv",
    "/it/data/figures.json",
    "/en/data/agreements.json?country=china",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", MACHINE_READABLE)
def test_every_machine_readable_address_is_cached_and_revalidated(client, page_cache, url):
    first = client.get(url)
    assert first.status_code == 200, url
    assert first["Cache-Control"] == "public, max-age=5" and first["ETag"] and first["Last-Modified"]
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert len(queries) == 0
    assert second.content == first.content
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.django_db
def test_a_download_is_keyed_only_on_the_filters_its_own_list_reads(client, page_cache):
    """``figures.json?country=$RANDOM`` was a full export each time: figures have no filters."""
    figures = client.get("/en/data/figures.json").content
    with CaptureQueriesContext(connection) as queries:
        for number in range(3):
            assert client.get(f"/en/data/figures.json?country={number}&q=x").content == figures
    assert len(queries) == 0
    china = client.get("/en/data/agreements.json?country=china").content
    assert china != client.get("/en/data/agreements.json?country=japan").content
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/data/agreements.json?utm_source=feed&country=china").content == china
    assert len(queries) == 0
