"""The portal's addresses plus the two ceilings `make bench` measures the pages against: what the
Python stack serves with no work (a constant 20 KB page) and with the least work a page does (one
ORM query rendered by a template into about 20 KB). Served only with scripts/bench_settings.py."""

from django.http import HttpResponse
from django.template import Context, Template
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns
from relations.models import Country

BENCH_PAYLOAD_BYTES = 20 * 1024
ONE_QUERY_TEMPLATE = Template(
    "<!DOCTYPE html><title>one query</title>"
    "<ul>{% for name in names %}<li>{{ name }} {{ padding }}</li>{% endfor %}</ul>"
)


def constant(request):
    return HttpResponse(b"<!DOCTYPE html><title>constant</title>" + b"x" * BENCH_PAYLOAD_BYTES)


def one_query(request):
    names = list(Country.objects.values_list("name", flat=True)[:40])
    padding = "x" * (BENCH_PAYLOAD_BYTES // max(1, len(names)))
    return HttpResponse(ONE_QUERY_TEMPLATE.render(Context({"names": names, "padding": padding})))


urlpatterns = [path("bench/constant/", constant), path("bench/one-query/", one_query), *portal_urlpatterns]
