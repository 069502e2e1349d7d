"""The anonymous page cache: fast repeats, exact invalidation, conditional GET, never for staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from relations.models import Partner


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.PORTAL_PAGE_CACHE = True
    settings.PORTAL_CONTENT_VERSION_FILE = str(tmp_path / "content-version")
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.mark.django_db
def test_repeat_visit_is_served_from_cache_without_queries(client, page_cache):
    first = client.get("/partners/chongqing/")
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/partners/chongqing/")
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in second["Vary"]


@pytest.mark.django_db
def test_an_editors_change_is_visible_on_the_very_next_request(client, page_cache):
    assert "Rewritten story" not in client.get("/partners/chongqing/").content.decode()
    partner = Partner.objects.get(slug="chongqing")
    partner.story = "Rewritten story"
    partner.save()
    assert "Rewritten story" in client.get("/partners/chongqing/").content.decode()


@pytest.mark.django_db
def test_unpublishing_removes_the_page_at_once(client, page_cache):
    assert client.get("/partners/nagoya/").status_code == 200
    partner = Partner.objects.get(slug="nagoya")
    partner.is_published = False
    partner.save()
    assert client.get("/partners/nagoya/").status_code == 404
    assert "/partners/nagoya/" not in client.get("/partners/").content.decode()


@pytest.mark.django_db
def test_conditional_get_answers_304_until_content_changes(client, page_cache):
    first = client.get("/countries/japan/")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert client.get("/countries/japan/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/countries/japan/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    Partner.objects.get(slug="nagoya").save()
    assert client.get("/countries/japan/", HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_pages_for_staff_are_neither_cached_nor_cacheable(client, admin_user, page_cache):
    client.get("/partners/chongqing/")
    client.force_login(admin_user)
    response = client.get("/partners/chongqing/")
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "ETag" not in response


@pytest.mark.django_db
def test_errors_and_invalid_filters_are_not_cached(client, page_cache):
    assert client.get("/agreements/?year_from=abc").status_code == 400
    assert client.get("/no-such-page/").status_code == 404
    from django.core.cache import caches

    assert not any("page:" in str(key) for key in caches["pages"]._cache)  # locmem's store: nothing kept
