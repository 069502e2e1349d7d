"""schema.org JSON-LD for search engines and harvesters, in the page's language (issue 15).

``<script type="application/ld+json">`` is a data block: browsers never run it, so the CSP's
script-src does not apply, and the HTML checker accepts it. The JSON is escaped so that no text
can close the element (``<`` becomes ``\\u003c``).
"""

import json

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.core.text import plain_text
from relations.models import Agreement, Country, Milestone, Partner

register = template.Library()


def _script(data):
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _url(request, path):
    return request.build_absolute_uri(path)


def _publisher():
    institution = settings.PORTAL_INSTITUTION
    return {
        "@type": "GovernmentOrganization",
        "name": institution["name"],
        "url": institution["url"],
        "address": {"@type": "PostalAddress", "streetAddress": institution["address"], "addressCountry": "IT"},
    }


def _country(record, request):
    data = {
        "@type": "Organization" if record.is_grouping else "Country",
        "name": record.name,
        "url": _url(request, record.get_absolute_url()),
    }
    if record.native_name:
        data["alternateName"] = record.native_name
    if record.iso_code:
        data["identifier"] = record.iso_code
    if record.lead:
        data["description"] = plain_text(record.lead)
    return data


def _partner(record, request):
    data = {
        "@type": "City" if record.kind in (Partner.Kind.CITY, Partner.Kind.WARD) else "AdministrativeArea",
        "name": record.name,
        "url": _url(request, record.get_absolute_url()),
        "containedInPlace": {"@type": "Country", "name": record.country.name},
    }
    if record.native_name:
        data["alternateName"] = record.native_name
    if record.latitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(record.latitude),
            "longitude": float(record.longitude),
        }
    return data


def _milestone(record, request):
    data = {"@type": "Event", "name": record.title, "url": _url(request, record.get_absolute_url())}
    if record.date_iso:
        data["startDate"] = record.date_iso
    if record.summary:
        data["description"] = plain_text(record.summary)
    places = [_partner(partner, request) for partner in record.partners.filter(is_published=True)]
    if places:
        data["location"] = places
    return data


def _agreement(record, request):
    """schema.org has no type for an agreement: a CreativeWork whose genre is its kind."""
    data = {
        "@type": "CreativeWork",
        "name": record.title,
        "genre": record.get_kind_display(),
        "url": _url(request, record.get_absolute_url()),
        "about": [_partner(partner, request) for partner in record.partners.filter(is_published=True)],
    }
    if record.date_iso:
        data["dateCreated"] = record.date_iso
    if record.summary:
        data["description"] = plain_text(record.summary)
    return data


def _source(record):
    section = record.source_section
    return {"@type": "CreativeWork", "name": f"{section.source.title}, {section.title}"}


@register.simple_tag(takes_context=True)
def portal_json_ld(context):
    """The portal itself, on every page: a WebSite published by the institution."""
    request = context.request
    return _script(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": settings.PORTAL_NAME,
            "url": _url(request, reverse("portal:home")),
            "inLanguage": get_language(),
            "publisher": _publisher(),
        }
    )


@register.simple_tag(takes_context=True)
def record_json_ld(context, record):
    """A country, partner, milestone or agreement, with the source it is cited from."""
    request = context.request
    builders = {Country: _country, Partner: _partner, Milestone: _milestone, Agreement: _agreement}
    data = builders[type(record)](record, request)
    if getattr(record, "source_section_id", None):
        data["citation"] = _source(record)
    return _script({"@context": "https://schema.org", "inLanguage": get_language(), **data})


@register.simple_tag(takes_context=True)
def figures_json_ld(context, title, description):
    """The figures as a Dataset, with its downloads."""
    request = context.request
    return _script(
        {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": str(title),
            "description": str(description),
            "inLanguage": get_language(),
            "url": _url(request, reverse("trade:overview")),
            "license": settings.PORTAL_DATA_LICENCE["url"],
            "creator": _publisher(),
            "distribution": [
                {
                    "@type": "DataDownload",
                    "encodingFormat": mediatype,
                    "contentUrl": _url(request, reverse("portal:download", kwargs={"name": "figures", "fmt": fmt})),
                }
                for fmt, mediatype in (("csv", "text/csv"), ("json", "application/json"))
            ],
        }
    )
