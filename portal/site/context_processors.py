from dataclasses import dataclass

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_from_path, override
from django.utils.translation import gettext_lazy as _

from portal.core import grammar
from portal.core.licence import data_licence

from .models import InfoPage, info_page_url

# The main navigation: (view name, label, the views whose pages belong to that section).
NAVIGATION = [
    ("relations:country-list", _("Countries"), {"portal:country-detail"}),
    ("relations:partner-list", _("Partners"), {"relations:partner-detail"}),
    ("relations:agreement-list", _("Agreements"), {"relations:agreement-detail"}),
    ("relations:timeline", _("Timeline"), {"relations:milestone-detail"}),
    ("portal:map", _("Map"), set()),
    ("trade:overview", _("Business & Asia"), {"trade:strategy-detail"}),
    ("portal:about", _("About & sources"), {"portal:source-detail"}),
]


@dataclass(frozen=True)
class Institution:
    """The institution that owns the portal (``PORTAL_INSTITUTION``). Its name is Italian, so it
    takes its article in Italian sentences only: «i contatti della Regione Emilia-Romagna»."""

    name: str
    url: str
    address: str
    office: str
    email: str
    phone: str
    pec: str
    accessibility_statement_url: str
    accessibility_email: str
    dpo_email: str = ""
    privacy_url: str = ""
    article: str = ""

    def name_prefix(self, preposition=""):
        return grammar.prefix(preposition, self.article if grammar.language() == "it" else "")

    def name_phrase(self, preposition=""):
        return self.name_prefix(preposition) + self.name


@dataclass(frozen=True)
class NavigationItem:
    url: str
    label: str
    is_current: bool  # this very page: aria-current="page"
    is_section: bool  # a page within this section


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str  # in its own language: "Italiano", "English"
    url: str  # this same page in that language, query string included (the language switch)
    is_current: bool

    @property
    def path(self):
        """Without the query string, as the canonical address (the ``hreflang`` alternates)."""
        return self.url.split("?", 1)[0]


def _in_language(full_path, language):
    """The address of this page in ``language``: Django's ``translate_url`` for a page it can
    resolve, the prefix swapped for one it cannot (a 404 stays a 404 in the other language)."""
    url = translate_url(full_path, language)
    current = get_language_from_path(full_path)
    if url == full_path and current and current != language:
        url = f"/{language}/" + full_path[len(current) + 2 :]
    return url


def _without_language(path):
    language = get_language_from_path(path)
    return path[len(language) + 1 :] if language else path


def language_versions(request):
    """This page in each language. A record's page is at the record's address in that language
    (``/it/paesi/cina/`` is ``/en/countries/china/``); any other page's is Django's translation
    of the address."""
    full_path = request.get_full_path()
    current = get_language()
    record = getattr(request, "page_record", None)
    versions = []
    for code, name in settings.LANGUAGES:
        if record is not None:
            query = request.META.get("QUERY_STRING", "")
            with override(code):
                url = record.get_absolute_url() + (f"?{query}" if query else "")
        else:
            url = _in_language(full_path, code)
        versions.append(LanguageVersion(code, name, url, code == current))
    return versions


def site(request):
    """Site name, canonical base address and the main navigation, for every template.

    The base address is DJANGO_BASE_URL; without it (development) it is the address the request
    came to, so `make run PORT=8123` links to port 8123. The navigation's current item comes from
    the resolved URL name, not from the path. ``language_versions`` is this page in each
    language, for the language switch and the ``hreflang`` alternates.
    """
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else None
    versions = language_versions(request)
    first = next(version.path for version in versions if version.code == settings.LANGUAGE_CODE)
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_base_url": settings.PORTAL_BASE_URL or f"{request.scheme}://{request.get_host()}",
        "language_versions": versions,
        # x-default: the Italian address without its language, as in the sitemap. It sends each
        # browser to its own language, and on to that language's address (portal.core.addresses).
        "language_neutral_path": _without_language(first),
        "institution": Institution(**settings.PORTAL_INSTITUTION),
        "data_licence": data_licence(),
        # The footer's information pages, by their fixed names (no query on every page).
        "info_pages": [(info_page_url(kind), label) for kind, label in InfoPage.Kind.choices],
        # The same by name, for links in a text: {{ info_page_urls.data_licence }}.
        "info_page_urls": {kind.replace("-", "_"): info_page_url(kind) for kind in InfoPage.Kind.values},
        # An empty query, for links to another page's filters: {% querystring no_query country=… %}.
        "no_query": QueryDict(),
        "navigation": [
            NavigationItem(reverse(name), label, current == name, current in section)
            for name, label, section in NAVIGATION
        ],
    }
