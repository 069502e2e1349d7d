"""Detail-page addresses without a full ``reverse()`` for every link.

A list page links to dozens of records, and ``reverse()`` costs tens of microseconds each
(argument matching, converters, quoting). Detail addresses differ only by their slug, so the
address is reversed once per view name, URLconf and script prefix, and each slug is put in the
placeholder's place. A slug the URL's converter would not accept goes through ``reverse()``,
which raises as it always did.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "slug-placeholder"
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # Django's "slug" path converter


@lru_cache(maxsize=128)
def _address_around_slug(view_name, urlconf, script_prefix):
    """The reversed address split around the slug: (before, after)."""
    before, after = reverse(view_name, urlconf=urlconf, kwargs={"slug": _PLACEHOLDER}).split(_PLACEHOLDER)
    return before, after


def slug_url(view_name, slug):
    """``reverse(view_name, kwargs={"slug": slug})``, memoised around the slug."""
    if not _SLUG.fullmatch(slug):
        return reverse(view_name, kwargs={"slug": slug})
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    before, after = _address_around_slug(view_name, urlconf, get_script_prefix())
    return f"{before}{slug}{after}"
