"""schema.org JSON-LD for search engines and harvesters, in the page's language (issues 15, 23).

Every property is used on a type schema.org defines it for (tests/site/test_structured_data_validity.py
checks them against schema.org's vocabulary): a record's page is a ``WebPage`` — which has a
language and cites its source — whose main entity is the country, the city or the area; an
agreement is a ``CreativeWork`` itself. Milestones are described as pages about a time and places,
not as ``Event``s: none is an event a visitor could attend, and schema.org's Events are those.
The open-data page is a ``DataCatalog`` with a ``Dataset`` per list.

``<script type="application/ld+json">`` is a data block: browsers never run it, so the CSP's
script-src does not apply, and the HTML checker accepts it. The JSON is escaped so that no text
can close the element (``<`` becomes ``\\u003c``).
"""

import json
import re

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.core.licence import data_licence
from portal.core.text import plain_text
from relations.models import Agreement, Country, Milestone, Partner

from ..downloads import DOWNLOADS, FORMATS, countries_covered

register = template.Library()
CONTEXT = "https://schema.org"


def _script(data):
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _url(request, path):
    return request.build_absolute_uri(path)


def postal_address(address):
    """«Viale Aldo Moro 52, 40127 Bologna» as schema.org's fields: street, postcode, town."""
    found = re.fullmatch(r"\s*(?P<street>.+?),\s*(?P<code>\d{5})\s+(?P<town>.+?)\s*", address)
    fields = {"streetAddress": address}
    if found:
        fields = {
            "streetAddress": found["street"],
            "postalCode": found["code"],
            "addressLocality": found["town"],
        }
    return {"@type": "PostalAddress", **fields, "addressCountry": "IT"}


def _publisher():
    institution = settings.PORTAL_INSTITUTION
    return {
        "@type": "GovernmentOrganization",
        "name": institution["name"],
        "url": institution["url"],
        "address": postal_address(institution["address"]),
    }


def _source(record):
    section = record.source_section
    return {"@type": "CreativeWork", "name": f"{section.source.title}, {section.title}"}


def _page(record, request, **fields):
    """The page of a record: its language, its source, what it is about."""
    data = {
        "@type": "WebPage",
        "url": _url(request, record.get_absolute_url()),
        "inLanguage": get_language(),
        **fields,
    }
    if getattr(record, "source_section_id", None):
        data["citation"] = _source(record)
    return data


def _country(record, request):
    entity = {"@type": "Organization" if record.is_grouping else "Country", "name": record.name}
    if record.distinct_native_name:
        entity["alternateName"] = record.distinct_native_name
    if record.iso_code:
        entity["identifier"] = record.iso_code
    if record.lead:
        entity["description"] = plain_text(record.lead)
    return _page(record, request, name=record.name, mainEntity=entity)


def _place(record, request):
    data = {
        "@type": "City" if record.kind in (Partner.Kind.CITY, Partner.Kind.WARD) else "AdministrativeArea",
        "name": record.name,
        "url": _url(request, record.get_absolute_url()),
        "containedInPlace": {"@type": "Country", "name": record.country.name},
    }
    if record.distinct_native_name:
        data["alternateName"] = record.distinct_native_name
    if record.latitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(record.latitude),
            "longitude": float(record.longitude),
        }
    return data


def _partner(record, request):
    return _page(record, request, name=record.name, mainEntity=_place(record, request))


def _milestone(record, request):
    fields = {"name": record.title}
    if record.date_iso:
        fields["temporalCoverage"] = record.date_iso
    if record.summary:
        fields["description"] = plain_text(record.summary)
    places = [_place(partner, request) for partner in record.partners.filter(is_published=True)]
    if places:
        fields["spatialCoverage"] = places
    return _page(record, request, **fields)


def _agreement(record, request):
    """schema.org has no type for an agreement: a CreativeWork whose genre is its kind."""
    data = {
        "@type": "CreativeWork",
        "name": record.title,
        "genre": record.get_kind_display(),
        "url": _url(request, record.get_absolute_url()),
        "inLanguage": get_language(),
        "about": [_place(partner, request) for partner in record.partners.filter(is_published=True)],
        "citation": _source(record),
    }
    if record.date_iso:
        data["dateCreated"] = record.date_iso
    if record.summary:
        data["description"] = plain_text(record.summary)
    return data


def dataset(name, request):
    """One downloadable list as a schema.org Dataset: what Google's dataset search reads."""
    item = DOWNLOADS[name]
    places = [{"@type": "Place", "name": "Asia"}] + [
        {"@type": "Country", "name": country.name} for country in countries_covered()
    ]
    data = {
        "@type": "Dataset",
        "name": str(item.dataset.title),
        "description": str(item.dataset.description),
        "identifier": f"{settings.PORTAL_INSTITUTION_IPA_CODE}:emilia-romagna-asia-{name}",
        "url": _url(request, reverse(item.list_url)),
        "keywords": [str(keyword) for keyword in item.keywords],
        "inLanguage": get_language(),
        "isAccessibleForFree": True,
        "license": data_licence().url,
        "creator": _publisher(),
        "spatialCoverage": places,
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": mediatype.split(";")[0],
                "contentUrl": _url(request, reverse("portal:download", kwargs={"name": name, "fmt": fmt})),
            }
            for fmt, mediatype in FORMATS.items()
        ],
    }
    years = item.years_covered()
    if years:
        data["temporalCoverage"] = f"{years[0]}/{years[1]}"
    return data


@register.simple_tag(takes_context=True)
def portal_json_ld(context):
    """The portal itself, on every page: a WebSite published by the institution."""
    request = context.request
    return _script(
        {
            "@context": CONTEXT,
            "@type": "WebSite",
            "name": settings.PORTAL_NAME,
            "url": _url(request, reverse("portal:home")),
            "inLanguage": get_language(),
            "publisher": _publisher(),
        }
    )


@register.simple_tag(takes_context=True)
def record_json_ld(context, record):
    """A country's, partner's or milestone's page, or an agreement, with the source it cites."""
    builders = {Country: _country, Partner: _partner, Milestone: _milestone, Agreement: _agreement}
    return _script({"@context": CONTEXT, **builders[type(record)](record, context.request)})


@register.simple_tag(takes_context=True)
def dataset_json_ld(context, name):
    """One list as a Dataset (the Business page's figures)."""
    return _script({"@context": CONTEXT, **dataset(name, context.request)})


@register.simple_tag(takes_context=True)
def catalogue_json_ld(context, title, description):
    """The open-data page: a DataCatalog of every list, each a Dataset."""
    request = context.request
    return _script(
        {
            "@context": CONTEXT,
            "@type": "DataCatalog",
            "name": str(title),
            "description": str(description),
            "url": _url(request, reverse("portal:open-data")),
            "inLanguage": get_language(),
            "publisher": _publisher(),
            "license": data_licence().url,
            "dataset": [dataset(name, request) for name in DOWNLOADS],
        }
    )
