"""The site's pages: home, about and sources, search, the sitemap page, the pages composed of
relations and trade (a country, an organisation), robots.txt and the health check."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import Context as TemplateContext
from django.template import Template
from django.views.generic import DetailView, TemplateView

from portal.core.publishing import PublishedObjectMixin
from relations.models import Country, Organisation, Source
from relations.views import RelatedPageMixin

from . import selectors
from .forms import SearchForm


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.home_page())


class CountryPageView(PublishedObjectMixin, RelatedPageMixin, DetailView):
    model = Country
    template_name = "portal/country_detail.html"
    context_object_name = "country"
    page_selector = selectors.country_page

    def get_queryset(self):
        return super().get_queryset().select_related("world_region", "source_section__source")


class OrganisationPageView(PublishedObjectMixin, RelatedPageMixin, DetailView):
    model = Organisation
    template_name = "portal/organisation_detail.html"
    context_object_name = "organisation"
    page_selector = selectors.organisation_page

    def get_queryset(self):
        return super().get_queryset().select_related("country", "source_section__source")


class AboutView(TemplateView):
    template_name = "portal/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, sources=selectors.sources())


class SourceDetailView(TemplateView):
    template_name = "portal/source_detail.html"

    def get_context_data(self, **kwargs):
        source = get_object_or_404(Source, slug=kwargs["slug"])
        return super().get_context_data(**kwargs, source=source, sections=selectors.source_page(source=source))


class SearchView(TemplateView):
    """Site search. Without a text (no ``q``, or only spaces) it is a page asking what to look for."""

    template_name = "portal/search.html"
    cache_parameters = ("q",)

    def get(self, request, *args, **kwargs):
        asked = request.GET.get("q", "").strip()
        form = SearchForm(request.GET if asked else None)
        results = selectors.search(text=form.cleaned_data["q"]) if form.is_bound and form.is_valid() else None
        context = self.get_context_data(form=form, results=results, **kwargs)
        status = 400 if form.is_bound and not form.is_valid() else 200
        return self.render_to_response(context, status=status)


class SitemapPageView(TemplateView):
    """The sitemap for people (``sitemap.xml`` is for search engines)."""

    template_name = "portal/sitemap.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.sitemap_page())


def robots_txt(request):
    """Search engines may read everything public; the admin is not named (it needs a login anyway)."""
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    searches = [f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES]
    lines = ["User-agent: *", *searches, f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request):
    """For load balancers: 200 only when the schema is fully migrated and there is published content."""
    problems = selectors.health_problems()
    body = "ok\n" if not problems else "unhealthy: " + "; ".join(problems) + "\n"
    response = HttpResponse(body, content_type="text/plain", status=503 if problems else 200)
    response["Cache-Control"] = "no-store"
    return response


BENCH_PAYLOAD_BYTES = 20 * 1024


def bench_constant(request):
    """The Python stack's ceiling for `make bench`: a constant 20 KB page (only with DJANGO_BENCH_VIEWS)."""
    return HttpResponse(b"<!DOCTYPE html><title>constant</title>" + b"x" * BENCH_PAYLOAD_BYTES)


ONE_QUERY_TEMPLATE = Template(
    "<!DOCTYPE html><title>one query</title>"
    "<ul>{% for name in names %}<li>{{ name }} {{ padding }}</li>{% endfor %}</ul>"
)


def bench_one_query(request):
    """Another ceiling for `make bench`: one ORM query rendered by a template into about 20 KB."""
    names = list(Country.objects.values_list("name", flat=True)[:40])
    padding = "x" * (BENCH_PAYLOAD_BYTES // max(1, len(names)))
    return HttpResponse(ONE_QUERY_TEMPLATE.render(TemplateContext({"names": names, "padding": padding})))
