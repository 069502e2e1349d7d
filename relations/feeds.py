"""Atom feeds of new and changed agreements and milestones, in the page's language (the feed's
address carries it: ``/it/feeds/…``, ``/en/feeds/…``), for the whole portal and for one country.

Django's syndication framework: each entry keeps one id (the record's address) and says when it
last changed, so a reader shows an edited agreement as updated rather than as a new one.
"""

import heapq

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.core.text import plain_text, printable

from .models import Agreement, Country, Milestone
from .selectors import agreements_for_country, milestones_for_country

FEED_ENTRIES = 50


def latest_changes(agreements, milestones, limit=FEED_ENTRIES):
    """The ``limit`` agreements and milestones changed last, newest change first."""
    streams = [
        queryset.select_related("source_section__source").order_by("-updated_at", "-pk")[:limit]
        for queryset in (agreements, milestones)
    ]
    return list(heapq.merge(*streams, key=lambda record: record.updated_at, reverse=True))[:limit]


class ChangesFeed(Feed):
    """New and changed agreements and milestones across the portal."""

    feed_type = Atom1Feed  # its language is the request's (Django's default: get_language())

    def title(self, obj=None):
        return _("%(portal)s: new and changed agreements and milestones") % {"portal": settings.PORTAL_NAME}

    def subtitle(self, obj=None):
        return _("The agreements and milestones of Emilia-Romagna with Asia, as they are added and changed.")

    def link(self, obj=None):
        return reverse("relations:timeline")

    # RFC 4287 §4.1.1: a feed has an author unless every entry has one. The portal's facts are
    # the institution's, which publishes it: the feed's author, inherited by every entry.
    def author_name(self, obj=None):
        return settings.PORTAL_INSTITUTION["name"]

    def author_link(self, obj=None):
        return settings.PORTAL_INSTITUTION["url"]

    def items(self, obj=None):
        return latest_changes(Agreement.objects.published(), Milestone.objects.published())

    def item_title(self, record):
        kind = _("Agreement") if isinstance(record, Agreement) else _("Event")
        return printable(f"{kind}: {record.title}", multiline=False)

    def item_description(self, record):
        text = plain_text(record.summary)
        source = _("Source: %(source)s, %(section)s") % {
            "source": record.source_section.source.title,
            "section": record.source_section.title,
        }
        # XML cannot carry a control character: one stored before the forms removed it must not
        # make the whole feed fail (Django's feed generator refuses it).
        return printable(f"{record.date_display}. {text} {source}".replace(" .", ".").strip())

    def item_updateddate(self, record):
        return record.updated_at

    def item_pubdate(self, record):
        return record.updated_at


class CountryChangesFeed(ChangesFeed):
    """New and changed agreements and milestones concerning one country (or its partners)."""

    def get_object(self, request, slug):
        return get_object_or_404(Country.objects.published(), slug=slug)

    def title(self, country):
        return _("%(portal)s: agreements and milestones with %(country)s") % {
            "portal": settings.PORTAL_NAME,
            "country": printable(country.name, multiline=False),
        }

    def link(self, country):
        return country.get_absolute_url()

    def items(self, country):
        return latest_changes(agreements_for_country(country=country), milestones_for_country(country=country))
