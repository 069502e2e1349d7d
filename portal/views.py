from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from relations.models import Source

from . import selectors
from .forms import SearchForm


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.home_page())


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
    template_name = "portal/search.html"

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET if "q" in request.GET else None)
        results = selectors.search(text=form.cleaned_data["q"]) if form.is_bound and form.is_valid() else None
        context = self.get_context_data(form=form, results=results, **kwargs)
        status = 400 if form.is_bound and not form.is_valid() else 200
        return self.render_to_response(context, status=status)


def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", f"Disallow: /{settings.ADMIN_PATH}", "Disallow: /search/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request):
    """For load balancers: 200 when the database answers (else the middleware's 503)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok\n", content_type="text/plain")


BENCH_PAYLOAD_BYTES = 20 * 1024


def bench_constant(request):
    """The Python stack's ceiling for `make bench`: a constant 20 KB page (only with DJANGO_BENCH_VIEWS)."""
    return HttpResponse(b"<!DOCTYPE html><title>constant</title>" + b"x" * BENCH_PAYLOAD_BYTES)
