"""'Was this page useful?': anonymous answers counted per page, with no cookie and no personal data.

What stops a flood without a cookie or a third party: a field hidden from people that bots fill,
one answer per page and client address a day, and at most ``PORTAL_RATINGS_PER_HOUR`` answers
per address an hour. The address never reaches the database: the cache holds only a keyed digest
of it (HMAC with the secret key), which expires with its window. Offices behind one address share
their one answer per page a day: the counts are a signal for editors, not a vote.
"""

import hashlib
import hmac
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import ExpressionWrapper, F, FloatField, Q, Sum
from django.urls import Resolver404, resolve
from django.utils import translation

from portal.core.clients import client_address
from relations.models import Source

from .models import PageRating, info_page_kind

DAY = 24 * 60 * 60
HOUR = 60 * 60


def _digest(*parts):
    message = "\x1f".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def is_rateable(path):
    """A public page of the portal: one of its addresses, never the admin or an outside link."""
    if not path.startswith("/") or path.startswith("//") or len(path) > PageRating._meta.get_field("path").max_length:
        return False
    address = path.split("?", 1)[0]
    try:
        with translation.override(translation.get_language_from_path(address)):  # /it/… in Italian
            match = resolve(address)
    except Resolver404:
        return False
    return match.namespace in {"portal", "relations", "trade"} and _page_exists(match)


def _page_exists(match):
    """A record's page only for a published record by one of its addresses (a page that answers
    404 gets no rating); other pages exist as their address does."""
    view = getattr(match.func, "view_class", None)
    model = getattr(view, "model", None)
    if match.url_name == "info-page":
        return info_page_kind(match.kwargs["kind"]) is not None
    if match.url_name == "source-detail":
        return Source.objects.filter(slug=match.kwargs["slug"]).exists()
    if model is not None and "slug" in match.kwargs and hasattr(model, "slug_in"):
        slug = match.kwargs["slug"]
        return model.objects.published().filter(Q(slug=slug) | Q(slug_it=slug)).exists()
    return True


def is_cross_site(request):
    """An answer sent from another site's page: the browser says so (``Sec-Fetch-Site``), or its
    ``Origin`` is not this site."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin != "null" and urlsplit(origin).netloc != request.get_host()


def may_answer(request, path):
    """Whether this client may answer for this page now; counts the attempt if so.

    Returns "ok", "already" (an answer for this page today) or "too-many" (the hourly cap).
    """
    cache = caches["default"]
    address = client_address(request)
    now = int(time.time())
    hourly = f"rating:hour:{_digest(address, str(now // HOUR))}"
    cache.add(hourly, 0, timeout=HOUR)
    if cache.incr(hourly) > settings.PORTAL_RATINGS_PER_HOUR:
        return "too-many"
    if not cache.add(f"rating:page:{_digest(address, path, str(now // DAY))}", 1, timeout=DAY):
        return "already"
    return "ok"


def count_answer(path, stars):
    """One more answer for ``path``: an UPDATE of its counter, a row the first time.

    Neither fires ``post_save``, so an answer never makes the cached pages stale.
    """
    with transaction.atomic():
        if PageRating.objects.filter(path=path, stars=stars).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                PageRating.objects.bulk_create([PageRating(path=path, stars=stars, count=1)])
        except IntegrityError:  # another answer created it meanwhile
            PageRating.objects.filter(path=path, stars=stars).update(count=F("count") + 1)


REPORT_PAGE_SIZE = 100


def rating_report(page_number=1):
    """One page of the report: each rated page with its number of answers, its average and how
    many gave each rating, the lowest average first (what editors should look at first). The
    database sums and sorts; only the shown pages' rows are read."""
    per_path = (
        PageRating.objects.values("path")
        .annotate(answers=Sum("count"), total=Sum(F("stars") * F("count")))
        .annotate(average=ExpressionWrapper(F("total") * 1.0 / F("answers"), output_field=FloatField()))
        .order_by("average", "-answers", "path")
    )
    shown = Paginator(per_path, REPORT_PAGE_SIZE).get_page(page_number)
    by_stars = {}
    for row in PageRating.objects.filter(path__in=[page["path"] for page in shown]):
        by_stars.setdefault(row.path, dict.fromkeys(range(1, 6), 0))[row.stars] = row.count
    for page in shown:
        page["by_stars"] = [by_stars[page["path"]][stars] for stars in range(1, 6)]
    return shown
