"""Web addresses: Italian pages have Italian addresses, every older address still leads there.

A page's path segments are translated with Django's own mechanism (``gettext_lazy`` in
``path()``: ``/it/paesi/…``, ``/en/countries/…``), and a record has an address of its own in
each language: ``slug`` (the English one, also its natural key and its identifier in the open
data) and ``slug_it`` (the Italian one; empty when it would be the same). An address in use
before (``/it/countries/china/``) answers a permanent redirect to the page's address, in one hop.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import get_language, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from slugify import slugify

# The words of the addresses, translated in the catalogue like any text (context "web address").
SEGMENTS = {
    "countries/": pgettext_lazy("web address", "countries/"),
    "partners/": pgettext_lazy("web address", "partners/"),
    "agreements/": pgettext_lazy("web address", "agreements/"),
    "milestones/": pgettext_lazy("web address", "milestones/"),
    "organisations/": pgettext_lazy("web address", "organisations/"),
    "networks/": pgettext_lazy("web address", "networks/"),
    "timeline/": pgettext_lazy("web address", "timeline/"),
    "map/": pgettext_lazy("web address", "map/"),
    "about/": pgettext_lazy("web address", "about/"),
    "sources/": pgettext_lazy("web address", "sources/"),
    "search/": pgettext_lazy("web address", "search/"),
    "sitemap/": pgettext_lazy("web address", "sitemap/"),
    "info/": pgettext_lazy("web address", "info/"),
    "page-rating/": pgettext_lazy("web address", "page-rating/"),
    "data/": pgettext_lazy("web address", "data/"),
    "strategies/": pgettext_lazy("web address", "strategies/"),
}


def address(segment, rest=""):
    """A route whose first segment is translated: ``address("countries/", "<slug:slug>/")`` is
    ``countries/<slug:slug>/`` in English, ``paesi/<slug:slug>/`` in Italian."""
    return format_lazy("{}{}", SEGMENTS[segment], rest)


# A new record's address is made from its name: transliterated («Đà Nẵng» → da-nang), without
# the little words, cut at a word, never longer than this.
SLUG_MAX_LENGTH = 50
LITTLE_WORDS = (
    # Italian articles, prepositions and conjunctions, elided forms included («d'intesa»)
    "a", "ad", "al", "all", "alla", "alle", "agli", "ai", "con", "d", "da", "dal", "dall", "dalla", "dei", "del",
    "dell", "della", "dello",
    "delle", "degli", "di", "e", "ed", "gli", "i", "il", "in", "l", "la", "le", "lo", "nel", "nell", "nella", "per",
    "su", "sul", "sull", "sulla", "tra", "fra", "un", "una", "uno",
    # English ones
    "an", "and", "at", "by", "for", "of", "on", "the", "to", "with",
)  # fmt: skip


def short_slug(text):
    """The address made from a name or a title: «Đà Nẵng» → da-nang; a long one loses its little
    words, then what is past the limit: «Memorandum d'intesa tra l'Emilia-Romagna e il Guangdong»
    → memorandum-intesa-emilia-romagna-guangdong."""
    whole = slugify(text)
    if len(whole) <= SLUG_MAX_LENGTH:
        return whole
    return slugify(text, max_length=SLUG_MAX_LENGTH, word_boundary=True, save_order=True, stopwords=LITTLE_WORDS)


class Addressed(models.Model):
    """A record with a page: its Italian address beside ``slug``, the English one."""

    slug_it = models.SlugField(
        _("address of the page in Italian"),
        max_length=100,
        unique=True,
        null=True,  # several records without an Italian address of their own
        blank=True,
        help_text=_(
            "The end of the Italian page's web address, when it differs from the English one (“cina” for "
            "“china”). Left empty, it is made from the Italian name when the record is first saved."
        ),
    )

    class Meta:
        abstract = True

    def slug_in(self, language=None):
        """The record's address in ``language`` (the active one by default)."""
        if (language or get_language()) == "it" and self.slug_it:
            return self.slug_it
        return self.slug

    def fill_in_addresses(self, english_name, italian_name):
        """Before the first save, the addresses an editor left empty, made from the names."""
        if not self.slug:
            self.slug = short_slug(english_name or italian_name)
        if not self.slug_it and italian_name and short_slug(italian_name) != self.slug:
            self.slug_it = short_slug(italian_name)


def page_addresses(record):
    """The record's page in each language, for the editors: where it is, or will be, published."""
    addresses = {}
    for language in ("it", "en"):
        with override(language):
            addresses[language] = record.get_absolute_url()
    return addresses


class AddressedDetailMixin:
    """A detail view found by the record's address in either language, which sends any other
    address of the record (the other language's, an older one) to its own, permanently."""

    redirects_to_its_address = True

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        slug = self.kwargs["slug"]
        own = "slug_it" if get_language() == "it" else "slug"
        # One query: at most two records answer (one by each address); this language's wins.
        found = sorted(queryset.filter(Q(slug=slug) | Q(slug_it=slug))[:2], key=lambda r: getattr(r, own) != slug)
        if not found:
            raise Http404
        return found[0]

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        address = self.object.get_absolute_url()
        if request.path != address:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)
        # The language switch links to the record's own address in the other language.
        request.page_record = self.object
        return self.render_to_response(self.get_context_data(object=self.object))


def older_addresses(app_name, urlpatterns):
    """Each page's address in the other languages, under this language's prefix: the address
    Italian pages had before they were translated (``/it/countries/china/``), and the one an
    address without a language leads to (``/paesi/cina/`` is ``/en/paesi/cina/`` for an English
    browser). Each answers a permanent redirect to the page's address, in one hop: a record's
    view finds the record by either address and sends it to its own; any other page redirects."""
    older = []
    for pattern in urlpatterns:
        route = pattern.pattern._route
        routes = set()
        for language, _name in settings.LANGUAGES:
            with override(language):
                routes.add(str(route))
        if len(routes) == 1:
            continue
        view = pattern.callback
        if not getattr(getattr(view, "view_class", None), "redirects_to_its_address", False):
            view = _redirect_to(f"{app_name}:{pattern.name}")
        # The page's own route comes first in urlpatterns: in each language, only the others reach these.
        older += [path(each, view) for each in sorted(routes)]
    return older


def _redirect_to(name):
    def older_address(request, **kwargs):
        query = request.META.get("QUERY_STRING", "")
        address = reverse(name, kwargs=kwargs)
        return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)

    return older_address
