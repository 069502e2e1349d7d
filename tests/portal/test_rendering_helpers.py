"""The shortcuts list pages take: each must give exactly what Django's own way gives."""

import re
from html.parser import HTMLParser

import pytest
from django import forms
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse
from django.urls.base import set_script_prefix

from portal.links import slug_url
from portal.widgets import FastSelect
from relations.models import Agreement, Country, Milestone, Organisation, Signatory
from trade.models import Figure

DETAIL_VIEWS = [
    "relations:country-detail",
    "relations:partner-detail",
    "relations:agreement-detail",
    "relations:milestone-detail",
    "relations:organisation-detail",
    "relations:network-detail",
    "trade:strategy-detail",
    "portal:source-detail",
]


@pytest.mark.parametrize("view_name", DETAIL_VIEWS)
def test_slug_url_is_what_reverse_gives(view_name):
    for slug in ("china", "sister-cities_2024", "a"):
        assert slug_url(view_name, slug) == reverse(view_name, kwargs={"slug": slug})


def test_slug_url_follows_the_script_prefix():
    set_script_prefix("/portal/")
    try:
        assert slug_url("relations:country-detail", "japan") == "/portal/countries/japan/"
    finally:
        set_script_prefix("/")
    assert slug_url("relations:country-detail", "japan") == "/countries/japan/"


def test_slug_url_refuses_what_reverse_refuses():
    with pytest.raises(NoReverseMatch):
        slug_url("relations:country-detail", "not a slug/../x")


@pytest.mark.parametrize(
    ("model", "field"),
    [(Agreement, "kind"), (Agreement, "status"), (Milestone, "kind"), (Organisation, "side"), (Signatory, "side")],
)
def test_choice_labels_match_the_choices(model, field):
    for value, label in model._meta.get_field(field).flatchoices:
        record = model(**{field: value})
        assert getattr(record, f"get_{field}_display")() == str(label)
    assert getattr(model(**{field: "no-such-value"}), f"get_{field}_display")() == "no-such-value"


def test_figure_labels_match_the_choices():
    for value, label in Figure.Flow.choices:
        assert Figure(flow=value).get_flow_display() == str(label)


def test_fast_select_renders_what_django_select_renders():
    choices = [("", "All"), ("a&b", 'Tom & "Jerry" <b>'), ("c", "Plain")]
    for value in (None, "a&b", "c"):
        fast = FastSelect(choices=choices).render("kind", value, attrs={"id": "id_kind"})
        django = forms.Select(choices=choices).render("kind", value, attrs={"id": "id_kind"})
        assert _normalised(fast) == _normalised(django)
        assert "<b>" not in fast


class _Events(HTMLParser):
    """The elements, attributes (in any order) and text of some HTML, whitespace aside."""

    def __init__(self, html):
        super().__init__()
        self.events = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, sorted(attrs, key=lambda attr: attr[0])))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if data.strip():
            self.events.append(("text", data.strip()))


def _normalised(html):
    return _Events(html).events


@pytest.mark.django_db
def test_filter_choices_are_every_published_country_by_slug_and_name(client):
    page = client.get("/agreements/", {"country": "japan"}).content.decode()
    select = re.search(r'<select[^>]*name="country"[^>]*>(.*?)</select>', page, re.DOTALL).group(1)
    options = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    countries = Country.objects.published().order_by("kind", "name")
    expected = [("", "", "All countries")]
    expected += [(country.slug, " selected" if country.slug == "japan" else "", country.name) for country in countries]
    assert options == expected


def test_partial_date_tag_gives_a_time_element_only_for_a_known_date():
    template = Template("{% load portal_tags %}{% partial_date record %}")
    dated = Agreement(date_year=2018, date_month=7, date_day=17)
    assert template.render(Context({"record": dated})) == '<time datetime="2018-07-17">17 July 2018</time>'
    undated = Agreement()
    assert template.render(Context({"record": undated})).startswith('<span class="date-unknown">')
