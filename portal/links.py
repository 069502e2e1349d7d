"""Addresses for links on list pages without a full ``reverse()`` for every link.

A list page links to dozens of records, and ``reverse()`` costs tens of microseconds each
(argument matching, converters, quoting). So an address is reversed once per view name, URLconf
and script prefix: detail addresses differ only by their slug, which is put in the placeholder's
place. A slug the URL's converter would not accept goes through ``reverse()``, which raises as it
always did.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "slug-placeholder"
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")  # Django's "slug" path converter


@lru_cache(maxsize=128)
def _reversed(view_name, with_slug, urlconf, script_prefix):
    """The address; with a slug, split around it: (before, after)."""
    if with_slug:
        return tuple(reverse(view_name, urlconf=urlconf, kwargs={"slug": _PLACEHOLDER}).split(_PLACEHOLDER))
    return reverse(view_name, urlconf=urlconf)


def _memoised(view_name, with_slug):
    return _reversed(view_name, with_slug, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


def slug_url(view_name, slug):
    """``reverse(view_name, kwargs={"slug": slug})``, memoised around the slug."""
    if not _SLUG.fullmatch(slug):
        return reverse(view_name, kwargs={"slug": slug})
    before, after = _memoised(view_name, with_slug=True)
    return f"{before}{slug}{after}"


def fixed_url(view_name):
    """``reverse(view_name)`` for a view without arguments, memoised."""
    return _memoised(view_name, with_slug=False)
