"""Whole-page caching for anonymous visitors, invalidated by any content change.

Public pages change only when an editor (or the loader) saves content, so every cached page
is keyed by a *content version* that changes on each save or delete in ``relations`` and
``trade``. An editor's change is therefore visible on the very next request, in every worker.

The version is the modification time of a marker file (one ``stat`` per request, shared by all
workers on a machine). Several machines share it through the cache instead: set
``PORTAL_CONTENT_VERSION_IN_CACHE`` with a shared cache such as Redis (see the README).

The same version gives public pages an ``ETag`` and ``Last-Modified``, so browsers, a reverse
proxy or a CDN can revalidate with a cheap 304.
"""

import hashlib
import os
import time
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import add_never_cache_headers

CONTENT_APPS = {"relations", "trade"}
VERSION_CACHE_KEY = "portal:content-version"
CACHEABLE_STATUS = {200}


def _marker():
    return Path(settings.PORTAL_CONTENT_VERSION_FILE)


def content_version():
    """A number that changes whenever public content changes (nanoseconds since the epoch)."""
    if settings.PORTAL_CONTENT_VERSION_IN_CACHE:
        version = caches["default"].get(VERSION_CACHE_KEY)
        if version is None:
            version = time.time_ns()
            caches["default"].add(VERSION_CACHE_KEY, version, timeout=None)
            version = caches["default"].get(VERSION_CACHE_KEY, version)
        return version
    try:
        return _marker().stat().st_mtime_ns
    except FileNotFoundError:
        bump_content_version()
        return _marker().stat().st_mtime_ns


def bump_content_version(**kwargs):
    """Signal receiver: any save or delete of content makes every cached page stale."""
    sender = kwargs.get("sender")
    if sender is not None and sender._meta.app_label not in CONTENT_APPS:
        return
    if settings.PORTAL_CONTENT_VERSION_IN_CACHE:
        caches["default"].set(VERSION_CACHE_KEY, time.time_ns(), timeout=None)
        return
    marker = _marker()
    marker.parent.mkdir(parents=True, exist_ok=True)
    now = time.time_ns()
    try:
        previous = marker.stat().st_mtime_ns
    except FileNotFoundError:
        marker.touch()
        previous = 0
    os.utime(marker, ns=(now, max(now, previous + 1)))  # strictly increasing, even within a tick


def _is_anonymous(request):
    return not any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME))


def _is_public_path(path):
    # /bench/ is make bench's ceiling (only with DJANGO_BENCH_VIEWS): never answered from the cache.
    excluded = (f"/{settings.ADMIN_PATH}", settings.STATIC_URL, settings.MEDIA_URL, "/healthz/", "/bench/")
    return not path.startswith(excluded)


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; answer conditional GETs with 304."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = caches[settings.PORTAL_PAGE_CACHE_ALIAS]

    def __call__(self, request):
        if not _is_anonymous(request):
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                add_never_cache_headers(response)  # never let a proxy keep a page rendered for staff
            return response
        if not (settings.PORTAL_PAGE_CACHE and request.method in ("GET", "HEAD") and _is_public_path(request.path)):
            return self.get_response(request)
        version = content_version()
        key = "page:" + hashlib.sha256(f"{version}:{request.get_full_path()}".encode()).hexdigest()
        etag = f'"{key[5:37]}"'
        last_modified = formatdate(version / 1e9, usegmt=True)
        if self._not_modified(request, etag, version):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            response["Last-Modified"] = last_modified
            self._set_public_cache_control(response)
            return response
        cached = self.cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if response.status_code in CACHEABLE_STATUS and not response.streaming and not response.cookies:
            response["ETag"] = etag
            response["Last-Modified"] = last_modified
            self._set_public_cache_control(response)
            headers = [(name, value) for name, value in response.items()]
            self.cache.set(key, (response.status_code, headers, response.content), settings.PORTAL_PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _not_modified(request, etag, version):
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match:
            return etag in [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
        if if_modified_since:
            try:
                return parsedate_to_datetime(if_modified_since).timestamp() >= version // 1_000_000_000
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
        return False

    @staticmethod
    def _set_public_cache_control(response):
        # Short freshness, then revalidation with the ETag; a proxy may share it (no cookies).
        response["Cache-Control"] = f"public, max-age={settings.PORTAL_HTTP_MAX_AGE}"
        response["Vary"] = "Cookie, Accept-Encoding"
