"""Downloads of the lists (issue 15): each list as CSV and JSON, in the language of the address,
with the visitor's filters applied exactly as the list page applies them; and the Frictionless
Data package that describes every file (``datapackage.json``).
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Prefetch
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from portal.core.licence import data_licence
from relations.exports import AGREEMENTS, MILESTONES, ORGANISATIONS, PARTNERS
from relations.filters import AgreementFilter, PartnerFilter, TimelineFilter
from relations.models import Agreement, Milestone, Organisation, Partner, Signatory, Source
from relations.selectors import timeline_records
from trade.exports import FIGURES
from trade.models import Figure

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def agreements(filters):
    return (
        filters.qs.prefetch_related(
            "countries",
            "partners__country",
            "domains",
            Prefetch("signatories", queryset=Signatory.objects.select_related("organisation", "partner", "country")),
        )
        .select_related("source_section__source")
        .with_life()
    )


def partners(filters):
    return filters.qs.select_related("country", "source_section__source")


def milestones(filters):
    """The milestones of the timeline for its filters (the timeline merges them with agreements)."""
    _agreements, records = timeline_records(**filters.selection)
    return (
        records.chronological()
        .prefetch_related("countries", "partners__country", "organisations")
        .select_related("source_section__source", "date_source__source")
    )


@dataclass(frozen=True)
class Download:
    dataset: object
    filterset: object  # the list page's FilterSet class, or None
    base: object  # the published queryset the filters apply to
    records: object  # the filtered queryset -> the records written
    list_url: str  # the list page whose filters the download takes


DOWNLOADS = {
    "agreements": Download(
        AGREEMENTS,
        AgreementFilter,
        lambda: Agreement.objects.published().chronological(descending=True),
        agreements,
        "relations:agreement-list",
    ),
    "partners": Download(
        PARTNERS,
        PartnerFilter,
        lambda: Partner.objects.published().order_by("name", "pk"),
        partners,
        "relations:partner-list",
    ),
    "milestones": Download(
        MILESTONES, TimelineFilter, lambda: Milestone.objects.none(), milestones, "relations:timeline"
    ),
    "organisations": Download(
        ORGANISATIONS,
        None,
        lambda: (
            Organisation.objects.published()
            .select_related("country", "source_section__source")
            .order_by("side", "name", "pk")
        ),
        None,
        "relations:organisation-list",
    ),
    "figures": Download(
        FIGURES,
        None,
        lambda: Figure.objects.published().for_tables().order_by("position", "pk"),
        None,
        "trade:overview",
    ),
}


def filtered(download, query):
    """The records a download writes for ``query`` (the list page's query string), or the form's errors."""
    if download.filterset is None:
        return download.base(), None
    filters = download.filterset(query, queryset=download.base())
    if filters.is_bound and not filters.is_valid():
        return None, filters.form.errors
    return download.records(filters), None


class DownloadView(View):
    """A list as a file. Cached like a page (portal.core.caching), keyed on the filters it reads."""

    @classmethod
    def get_cache_parameters(cls):
        return sorted({name for item in DOWNLOADS.values() if item.filterset for name in item.filterset.base_filters})

    def get(self, request, name, fmt):
        return download(request, name, fmt)


class OpenDataView(TemplateView):
    """The open-data page: every dataset, its formats, licence, last change and the download API."""

    template_name = "portal/open_data.html"

    def get_context_data(self, **kwargs):
        datasets = [
            {
                "name": name,
                "dataset": item.dataset,
                "updated": item.base().order_by().aggregate(latest=Max("updated_at"))["latest"],
                "filters": list(item.filterset.base_filters) if item.filterset else [],
                "list_url": reverse(item.list_url),
            }
            for name, item in DOWNLOADS.items()
        ]
        return super().get_context_data(**kwargs, datasets=datasets, licence=data_licence())


class CatalogueView(View):
    """The DCAT-AP_IT catalogue (portal/site/catalogue.py), as Turtle, at /data/catalogue.ttl."""

    def get(self, request):
        from .catalogue import catalogue

        return HttpResponse(catalogue(request).serialize(format="turtle"), content_type="text/turtle; charset=utf-8")


class DatapackageView(View):
    def get(self, request):
        return datapackage(request)


def download(request, name, fmt):
    item = DOWNLOADS.get(name)
    if item is None or fmt not in FORMATS:
        raise Http404("No such download")
    records, errors = filtered(item, request.GET)
    if errors:
        lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
        return HttpResponse(
            _("These filters are not valid, so nothing is downloaded:") + "\n" + "\n".join(lines),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    body = item.dataset.csv(records, request) if fmt == "csv" else item.dataset.json(records, request)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'inline; filename="{name}-{get_language()}.{fmt}"'
    return response


def datapackage(request):
    """The Frictionless Data package: every download of this language, with its Table Schema."""
    language = get_language()
    resources = []
    for name, item in DOWNLOADS.items():
        for fmt in FORMATS:
            resources.append(
                {
                    "name": f"{name}-{fmt}",
                    "path": request.build_absolute_uri(reverse("portal:download", kwargs={"name": name, "fmt": fmt})),
                    "title": str(item.dataset.title),
                    "description": str(item.dataset.description),
                    "format": fmt,
                    "mediatype": FORMATS[fmt].split(";")[0],
                    "encoding": "utf-8",
                    "schema": item.dataset.table_schema(),
                }
            )
    package = {
        "name": f"emilia-romagna-asia-{language}",
        "title": settings.PORTAL_NAME,
        "description": _(
            "The partnerships, agreements and trade of the Emilia-Romagna Region with Asia, every fact with its source."
        ),
        "language": language,
        "homepage": request.build_absolute_uri(reverse("portal:home")),
        "licenses": [{"name": data_licence().name, "path": data_licence().url}],
        # The documents every row cites (its source column), with what is known of them.
        "sources": [
            {"title": source.title, **({"path": source.url} if source.url else {})} for source in Source.objects.all()
        ],
        "resources": resources,
    }
    return HttpResponse(json.dumps(package, ensure_ascii=False, indent=1), content_type="application/json")
