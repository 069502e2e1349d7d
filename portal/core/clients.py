"""Who a request comes from, and a cheap throttle on admin login attempts per client address."""

import ipaddress
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def client_address(request):
    """The client's address, as the proxies in front of the portal saw it.

    Each of ``PORTAL_PROXY_COUNT`` proxies appends the address it saw to X-Forwarded-For, so the
    client is that many entries from the right; anything further left was sent by the client and
    is not trusted. Without proxies (or with a header shorter than expected) it is REMOTE_ADDR.
    (django-ipware prefers a public address anywhere in the header, which a client can forge.)
    """
    count = settings.PORTAL_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if count <= 0:
        return remote
    entries = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(entries) < count:
        return remote
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class LoginThrottleMiddleware:
    """At most ``PORTAL_LOGIN_ATTEMPTS`` login POSTs per client address in each window, then 429.

    One cache increment per attempt, before sessions, the database or password hashing. The
    window is fixed (it starts on a multiple of its length); the count is per process with the
    local-memory cache and shared with Redis (DJANGO_CACHE_URL).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("admin:login"):
            window = settings.PORTAL_LOGIN_WINDOW_SECONDS
            now = time.time()
            key = f"login-attempts:{client_address(request)}:{int(now // window)}"
            cache = caches["default"]
            cache.add(key, 0, timeout=window)
            try:
                attempts = cache.incr(key)
            except ValueError:  # expired between add and incr
                attempts = 1
            if attempts > settings.PORTAL_LOGIN_ATTEMPTS:
                return self.throttled(request, retry_after=int(window - now % window) + 1)
        return self.get_response(request)

    @staticmethod
    def throttled(request, retry_after):
        context = {"minutes": max(1, round(retry_after / 60)), "portal_name": settings.PORTAL_NAME}
        # Before LocaleMiddleware: the browser's language (Italian otherwise), as on the login page.
        language = translation.get_language_from_request(request)
        with translation.override(language):
            html = render_to_string("portal/login_throttled.html", context)
        response = HttpResponse(html, status=429)
        response["Content-Language"] = language
        response["Retry-After"] = str(retry_after)
        response["Cache-Control"] = "no-store"
        return response
