"""Whole-page caching for anonymous visitors, invalidated by any content change.

Public pages change only when an editor (or the loader) saves content, so every cached page
is keyed by a *content version* that changes on each save or delete of public content. An
editor's change is therefore visible on the very next request, in every worker.

Which models are public content, the apps say: ``public_content`` on their AppConfig is True
when every model of theirs is shown to visitors, or the names of the models that are.

The version is the modification time of a marker file (one ``stat`` per request, shared by all
workers on a machine). Several machines share it through the cache instead: set
``PORTAL_CONTENT_VERSION_IN_CACHE`` with a shared cache such as Redis (see the README).

What a cached page may depend on is exactly what its key holds: the path and the query
parameters its view declares (``cache_parameters``). Other parameters (``?utm_source=…``) are
removed from the request before the view sees it, so they can neither change the page nor fill
the cache with copies. Cookies do not bypass the cache: only a live staff session does (staff
see drafts and their pages must never be shared).

The same version gives public pages an ``ETag`` and ``Last-Modified``; Django's own
``get_conditional_response`` answers 304 for a page that exists, never for an error.
"""

import functools
import hashlib
import os
import time
from email.utils import formatdate
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import add_never_cache_headers, get_conditional_response

VERSION_CACHE_KEY = "portal:content-version"
CACHEABLE_STATUS = {200}
STAFF_SESSION_KEY = "portal_is_staff"


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


def is_public_content(model):
    """Whether visitors see ``model``'s records: its app's ``public_content`` says so (True for
    every model of the app, or the names of those that are)."""
    declared = getattr(model._meta.app_config, "public_content", False)
    return declared is True or model._meta.model_name in (declared or ())


def bump_content_version(**kwargs):
    """Signal receiver: any save or delete of public content makes every cached page stale."""
    sender = kwargs.get("sender")
    if sender is not None and not is_public_content(sender):
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


def remember_staff_session(sender, request, user, **kwargs):
    """user_logged_in receiver: note in the session whether it is staff's, for the cache to read."""
    request.session[STAFF_SESSION_KEY] = bool(user.is_staff)


def _has_staff_session(request):
    """Whether the session cookie belongs to a live session of a staff member (one lookup)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    return bool(store.get(STAFF_SESSION_KEY))


def _is_public_path(path):
    """Not the admin, nor a static or uploaded file. (Only class-based views' pages are cached,
    and the views ``public_page`` marks: any other function view, such as the health check, is
    always answered afresh.)"""
    return not path.startswith((f"/{settings.ADMIN_PATH}", settings.STATIC_URL, settings.MEDIA_URL))


def public_page(view, parameters=()):
    """A function view (a feed, a sitemap) cached like a class-based page: for anonymous visitors,
    under the content version, keyed on ``parameters`` of the query string only."""

    @functools.wraps(view)
    def page(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    page.cache_parameters = tuple(parameters)
    page.is_public_page = True
    return page


def cached_view(match):
    """What the cache asks of a resolved address: its view class, a ``public_page``, or None."""
    view_class = getattr(match.func, "view_class", None)
    if view_class is None and getattr(match.func, "is_public_page", False):
        return match.func
    return view_class


def view_parameters(view, url_kwargs=None):
    """The query parameters a view reads (``cache_parameters``, or ``get_cache_parameters()``,
    which may depend on the address: a download reads only its own list's filters)."""
    if hasattr(view, "get_cache_parameters"):
        return view.get_cache_parameters(**(url_kwargs or {}))
    return tuple(getattr(view, "cache_parameters", ()))


def keep_declared_parameters(request, names):
    """Drop every query parameter the view does not read; return the canonical query string."""
    kept = QueryDict(mutable=True)
    for name in sorted(names):
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    query = kept.urlencode()
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = query
    return query


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; answer conditional GETs with 304."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = caches[settings.PORTAL_PAGE_CACHE_ALIAS]

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not _is_public_path(request.path_info):
            return self._uncached(request)
        request.get_host()  # an unknown Host is refused (400) before anything is served
        # The page's language is its address's (/it/…, /en/…): the key holds it with the path, and
        # resolving a prefixed address needs its language active (LocaleMiddleware comes later).
        language = translation.get_language_from_path(request.path_info)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        try:
            match = resolve(request.path_info)
            view_class = cached_view(match)
        except Resolver404:
            view_class = None
        if view_class is not None:
            query = keep_declared_parameters(request, view_parameters(view_class, match.kwargs))
        if view_class is None or not settings.PORTAL_PAGE_CACHE or _has_staff_session(request):
            return self._uncached(request)

        version = content_version()
        key = "page:" + hashlib.sha256(f"{version}:{request.path}?{query}".encode()).hexdigest()
        cached = self.cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
        else:
            response = self.get_response(request)
            if response.status_code not in CACHEABLE_STATUS or response.streaming or response.cookies:
                return response
            response["ETag"] = f'"{key[5:37]}"'
            response["Last-Modified"] = formatdate(version / 1e9, usegmt=True)
            # Short freshness, then revalidation with the ETag; a proxy may share it (no cookies).
            response["Cache-Control"] = f"public, max-age={settings.PORTAL_HTTP_MAX_AGE}"
            response["Vary"] = "Accept-Encoding"
            headers = [(name, value) for name, value in response.items()]
            self.cache.set(key, (response.status_code, headers, response.content), settings.PORTAL_PAGE_CACHE_SECONDS)
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=version // 1_000_000_000, response=response
        )

    def _uncached(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)  # never let a proxy keep a page rendered for a logged-in user
        return response
