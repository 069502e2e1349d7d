"""A database that is down or read-only gives visitors a clean 503 page, never a traceback."""

import logging

from django.db import DatabaseError, InterfaceError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


def unavailable_response(request):
    html = render_to_string("503.html", request=request)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (DatabaseError, InterfaceError):  # raised outside a view, e.g. by session middleware
            logger.exception("Database unavailable")
            return unavailable_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (DatabaseError, InterfaceError)):
            logger.exception("Database unavailable")
            return unavailable_response(request)
        return None
