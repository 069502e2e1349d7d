"""Citable figures, agreements and milestones, and the freshness of figures (issue 15)."""

import pytest
from django.utils import timezone

from tests.factories import FigureFactory
from trade.models import Figure

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.now().year


def test_an_old_figure_or_one_without_a_year_is_marked_and_a_recent_one_is_not(client, settings):
    settings.PORTAL_FIGURES_FRESH_YEARS = 5
    FigureFactory(label="Old share", slug="old", end_year=2015)
    FigureFactory(label="Undated share", slug="undated", end_year=None, is_year_not_stated=True)
    FigureFactory(label="Change", slug="change", start_year=2010, end_year=None, is_year_not_stated=False)
    FigureFactory(label="New share", slug="new", end_year=THIS_YEAR - 1)
    content = client.get("/en/business/").content.decode()
    rows = {
        slug: content.split(f'<tr id="figure-{slug}">', 1)[1].split("</tr>", 1)[0]
        for slug in ["old", "undated", "change", "new"]
    }
    assert '<span class="badge badge-stale">data from 2015</span>' in rows["old"]
    # The period column already says the source gives no year: no second badge repeats it.
    assert "year not stated in the source" in rows["undated"]
    assert "badge-stale" not in rows["undated"]
    assert "badge-stale" not in rows["new"]


def test_a_change_from_a_base_year_never_claims_to_be_data_from_that_year(client, settings):
    """Issue 22, item 3: +49.5% "compared to 2010" is not "data from 2010"; its end year is unknown."""
    settings.PORTAL_FIGURES_FRESH_YEARS = 5
    FigureFactory(label="Change", slug="change", start_year=2010, end_year=None, is_year_not_stated=False)
    content = client.get("/en/business/").content.decode()
    row = content.split('<tr id="figure-change">', 1)[1].split("</tr>", 1)[0]
    assert "compared to 2010" in row
    assert '<span class="badge badge-stale">end year not stated</span>' in row
    assert "data from 2010" not in row
    italian = client.get("/it/business/").content.decode()
    row = italian.split('<tr id="figure-change">', 1)[1].split("</tr>", 1)[0]
    assert '<span class="badge badge-stale">anno finale non indicato</span>' in row
    assert "dati del 2010" not in row


def test_the_stale_report_lists_them_oldest_first_without_a_year_first(admin_client, settings):
    settings.PORTAL_FIGURES_FRESH_YEARS = 5
    FigureFactory(label="From 2015", slug="f2015", end_year=2015)
    FigureFactory(label="Period 2010-2019", slug="p", start_year=2010, end_year=2019)
    FigureFactory(label="No year", slug="none", end_year=None, is_year_not_stated=True)
    FigureFactory(label="Fresh", slug="fresh", end_year=THIS_YEAR)
    assert [figure.label for figure in Figure.objects.stale()] == ["No year", "From 2015", "Period 2010-2019"]
    content = admin_client.get("/admin/stale-figures/").content.decode()
    assert content.index("No year") < content.index("From 2015") < content.index("Period 2010-2019")
    assert "Fresh</a>" not in content


def test_every_figure_can_be_cited_with_its_permanent_address(client):
    FigureFactory(label="Share to Asia", slug="share-to-asia", value=14.6, end_year=2018)
    row = (
        client.get("/en/business/").content.decode().split('<tr id="figure-share-to-asia">', 1)[1].split("</tr>", 1)[0]
    )
    text = row.split('<p class="cite-text">', 1)[1].split("</p>", 1)[0]
    assert text.startswith("Share to Asia: 14.6% (2018). Source: ")
    assert "Emilia-Romagna &amp; Asia, http://testserver/en/business/#figure-share-to-asia (consulted on " in text


def test_agreements_and_milestones_can_be_cited(client, places):
    content = client.get("/en/agreements/agreement-with-nagoya/").content.decode()
    text = content.split('<p class="cite-text">', 1)[1].split("</p>", 1)[0]
    assert text.startswith("Agreement with Nagoya (2015). Source: ")
    assert "http://testserver/en/agreements/agreement-with-nagoya/" in text
