"""The site's pages: home, about and sources, search, the sitemap page, the pages composed of
relations and trade (a country, an organisation), robots.txt and the health check."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, TemplateView, View

from portal.core.addresses import AddressedDetailMixin
from portal.core.publishing import PublishedObjectMixin
from relations.models import Country, Organisation, Source, SourceSection
from relations.views import RelatedPageMixin

from . import ratings, selectors
from .forms import PageRatingForm, SearchForm
from .models import InfoPage, info_page_kind


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.home_page())


class CountryPageView(AddressedDetailMixin, PublishedObjectMixin, RelatedPageMixin, DetailView):
    model = Country
    template_name = "portal/country_detail.html"
    context_object_name = "country"
    page_selector = selectors.country_page

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("world_region", "source_section__source")
            .prefetch_related(Prefetch("lead_sources", SourceSection.objects.select_related("source")))
        )


class OrganisationPageView(AddressedDetailMixin, PublishedObjectMixin, RelatedPageMixin, DetailView):
    model = Organisation
    template_name = "portal/organisation_detail.html"
    context_object_name = "organisation"
    page_selector = selectors.organisation_page

    def get_queryset(self):
        return super().get_queryset().select_related("country", "source_section__source")


class PartnerMapView(TemplateView):
    """Every published partner with coordinates on the map of Asia, and the same data as a table."""

    template_name = "portal/map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, partner_map=selectors.partner_map())


class AboutView(TemplateView):
    template_name = "portal/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, sources=selectors.sources())


class SourceDetailView(TemplateView):
    template_name = "portal/source_detail.html"

    def get_context_data(self, **kwargs):
        source = get_object_or_404(Source, slug=kwargs["slug"])
        return super().get_context_data(**kwargs, source=source, sections=selectors.source_page(source=source))


class InfoPageView(DetailView):
    """A footer page (legal notes, privacy, cookies, accessibility, data licence) in the visitor's
    language. The set is fixed: a data migration creates the pages (portal/site/info_pages.py)."""

    model = InfoPage
    context_object_name = "info_page"
    redirects_to_its_address = True  # from its older address too (portal.core.addresses)
    template_name = "portal/info_page.html"

    def get(self, request, *args, **kwargs):
        self.object = get_object_or_404(InfoPage, kind=info_page_kind(kwargs["kind"]))
        if request.path != self.object.get_absolute_url():
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        request.page_record = self.object  # the language switch: the page's address in the other language
        return self.render_to_response(
            self.get_context_data(
                object=self.object,
                server_log_days=settings.PORTAL_SERVER_LOG_DAYS,
                accessibility_assessed_on=settings.PORTAL_ACCESSIBILITY_ASSESSED_ON,
            )
        )


@method_decorator(csrf_exempt, name="dispatch")
class PageRatingView(View):
    """Counts an answer to 'was this page useful?' and thanks the visitor.

    Without CSRF protection on purpose: visitors have no cookie (so no CSRF token), the answer
    acts for nobody, and a forged answer from another site is no more than an answer; the limits
    in ``portal.site.ratings`` bound both.
    """

    http_method_names = ["post"]

    def post(self, request):
        form = PageRatingForm(request.POST)
        if not form.is_valid():
            return render(request, "portal/page_rating_result.html", {"form": form, "outcome": "invalid"}, status=400)
        page, stars = form.cleaned_data["page"], form.cleaned_data["stars"]
        if ratings.is_cross_site(request):
            context = {"page": page, "outcome": "cross-site"}
            return render(request, "portal/page_rating_result.html", context, status=403)
        if form.cleaned_data["website"]:  # the trap: thank the bot, count nothing
            outcome = "ok"
        else:
            outcome = ratings.may_answer(request, page)
            if outcome == "ok":
                ratings.count_answer(page, stars)
        status = 429 if outcome == "too-many" else 200
        return render(request, "portal/page_rating_result.html", {"page": page, "outcome": outcome}, status=status)


class SearchView(TemplateView):
    """Site search. Without a text (no ``q``, or only spaces) it is a page asking what to look for."""

    template_name = "portal/search.html"
    cache_parameters = ("q", "type")

    def get(self, request, *args, **kwargs):
        asked = request.GET.get("q", "").strip()
        form = SearchForm(request.GET if asked else None)
        results = suggestion = all_counts = None
        if form.is_bound and form.is_valid():
            text, kind = form.cleaned_data["q"], form.cleaned_data["type"]
            results = selectors.search(text=text, kind=kind)
            # The counts of every kind, for the links that narrow the results to one kind.
            all_counts = results if not kind else selectors.search(text=text)
            if not results:
                suggestion = selectors.suggestion(text=text)
        context = self.get_context_data(
            form=form,
            results=results,
            kinds=[(group["kind"], group["label"], group["count"]) for group in all_counts or []],
            total=sum(group["count"] for group in results or []),
            suggestion=suggestion,
            **kwargs,
        )
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
    searches = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            searches.append(f"Disallow: {reverse('portal:search')}")
    lines = ["User-agent: *", *searches, f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request):
    """For load balancers: 200 only when the schema is fully migrated and there is published content."""
    problems = selectors.health_problems()
    body = "ok\n" if not problems else "unhealthy: " + "; ".join(problems) + "\n"
    response = HttpResponse(body, content_type="text/plain", status=503 if problems else 200)
    response["Cache-Control"] = "no-store"
    return response
