"""Downloads of the lists (issues 15, 23): each list as CSV, JSON and XLSX, in the language of the
address, with the visitor's filters applied exactly as the list page applies them, sent as a file
named for the list, its filters and its language (``agreements-china-it.csv``); and the
Frictionless Data package that describes every file (``datapackage.json``).
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Min, Prefetch
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from portal.core.licence import data_licence
from relations.exports import AGREEMENTS, COUNTRIES, MILESTONES, ORGANISATIONS, PARTNERS
from relations.filters import AgreementFilter, PartnerFilter, TimelineFilter
from relations.models import Agreement, Country, Milestone, Organisation, Partner, Signatory, Source, SourceSection
from relations.selectors import timeline_records
from trade.exports import FIGURES
from trade.models import Figure

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def countries_covered():
    """The Asian countries the lists are about (those with an ISO code: groupings are not places)."""
    return Country.objects.published().exclude(iso_code="").order_by("iso_code")


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
    keywords: tuple = ()  # what a search of a data catalogue finds it by (single words)
    years: tuple = ()  # the fields of the first and last year it covers, if it is dated

    def years_covered(self):
        """(first, last) year of the published records, or None for a list without dates."""
        if not self.years:
            return None
        start, end = self.years
        covered = self.base().order_by().aggregate(first=Min(start), last=Max(end))
        return (covered["first"], covered["last"]) if covered["first"] and covered["last"] else None


DOWNLOADS = {
    "agreements": Download(
        AGREEMENTS,
        AgreementFilter,
        lambda: Agreement.objects.published().chronological(descending=True),
        agreements,
        "relations:agreement-list",
        keywords=(gettext_lazy("agreements"), gettext_lazy("cooperation"), "Asia"),
        years=("date_year", "date_year"),
    ),
    "partners": Download(
        PARTNERS,
        PartnerFilter,
        lambda: Partner.objects.published().order_by("name", "pk"),
        partners,
        "relations:partner-list",
        keywords=(gettext_lazy("partners"), gettext_lazy("cities"), "Asia"),
    ),
    "milestones": Download(
        MILESTONES,
        TimelineFilter,
        lambda: Milestone.objects.published(),
        milestones,
        "relations:timeline",
        keywords=(gettext_lazy("events"), gettext_lazy("cooperation"), "Asia"),
        years=("date_year", "date_year"),
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
        keywords=(gettext_lazy("organisations"), gettext_lazy("cooperation"), "Asia"),
    ),
    "countries": Download(
        COUNTRIES,
        None,
        lambda: (
            Country.objects.published()
            .select_related("world_region", "source_section__source")
            .prefetch_related(
                Prefetch("members", Country.objects.published()),
                Prefetch("lead_sources", SourceSection.objects.select_related("source")),
            )
        ),
        None,
        "relations:country-list",
        keywords=(gettext_lazy("countries"), gettext_lazy("cooperation"), "Asia"),
    ),
    "figures": Download(
        FIGURES,
        None,
        lambda: Figure.objects.published().for_tables().order_by("position", "pk"),
        None,
        "trade:overview",
        keywords=(gettext_lazy("trade"), gettext_lazy("exports"), "Asia"),
        years=("start_year", "end_year"),
    ),
}


def filtered(download, query):
    """The records a download writes for ``query`` (the list page's query string) and the filters'
    values in their order, or the form's errors."""
    if download.filterset is None:
        return download.base(), [], None
    filters = download.filterset(query, queryset=download.base())
    if filters.is_bound and not filters.is_valid():
        return None, [], filters.form.errors
    chosen = [filters.form.cleaned_data.get(name) for name in filters.form.fields] if filters.is_bound else []
    return download.records(filters), [value for value in chosen if value not in (None, "")], None


def file_name(name, filter_values, fmt):
    """``agreements-china-2010-it.csv``: the list, the values of its filters, the language."""
    parts = [name, *(slugify(getattr(value, "slug", value)) for value in filter_values), get_language()]
    return f"{'-'.join(part for part in parts if part)}.{fmt}"


class DownloadView(View):
    """A list as a file. Cached like a page (portal.core.caching), keyed on the filters it reads:
    its own list's, none for a list without filters (``figures.json?country=…`` is one file)."""

    @classmethod
    def get_cache_parameters(cls, name=None, **url_kwargs):
        item = DOWNLOADS.get(name)
        return sorted(item.filterset.base_filters) if item and item.filterset else ()

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
    records, filter_values, errors = filtered(item, request.GET)
    if errors:
        lines = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
        return HttpResponse(
            _("These filters are not valid, so nothing is downloaded:") + "\n" + "\n".join(lines),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    body = getattr(item.dataset, fmt)(records, request)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{file_name(name, filter_values, fmt)}"'
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
                    # A table, so validators read the JSON's and the XLSX's rows as well as the CSV's.
                    "profile": "tabular-data-resource",
                    "title": str(item.dataset.title),
                    "description": str(item.dataset.description),
                    "format": fmt,
                    "mediatype": FORMATS[fmt].split(";")[0],
                    **({} if fmt == "xlsx" else {"encoding": "utf-8"}),
                    "schema": item.dataset.table_schema(fmt),
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
        # An Open Definition identifier, as the Data Package standard asks, with the licence's name.
        "licenses": [{"name": data_licence().identifier, "path": data_licence().url, "title": data_licence().name}],
        # The documents every row cites (its source column), with what is known of them.
        "sources": [
            {"title": source.title, **({"path": source.url} if source.url else {})} for source in Source.objects.all()
        ],
        "resources": resources,
    }
    return HttpResponse(json.dumps(package, ensure_ascii=False, indent=1), content_type="application/json")
