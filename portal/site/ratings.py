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

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import Resolver404, resolve

from portal.core.clients import client_address

from .models import PageRating

DAY = 24 * 60 * 60
HOUR = 60 * 60


def _digest(*parts):
    message = "\x1f".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def is_rateable(path):
    """A public page of the portal: one of its addresses, never the admin or an outside link."""
    if not path.startswith("/") or path.startswith("//") or len(path) > PageRating._meta.get_field("path").max_length:
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.namespace in {"portal", "relations", "trade"}


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


def rating_report():
    """Each rated page with its number of answers, its average and how many gave each rating,
    the lowest average first (what editors should look at first)."""
    pages = {}
    for row in PageRating.objects.order_by("path", "stars"):
        page = pages.setdefault(
            row.path, {"path": row.path, "answers": 0, "total": 0, "by_stars": dict.fromkeys(range(1, 6), 0)}
        )
        page["answers"] += row.count
        page["total"] += row.stars * row.count
        page["by_stars"][row.stars] = row.count
    for page in pages.values():
        page["average"] = page["total"] / page["answers"] if page["answers"] else None
        page["by_stars"] = [page["by_stars"][stars] for stars in range(1, 6)]
    return sorted(pages.values(), key=lambda page: (page["average"] or 0, -page["answers"], page["path"]))
