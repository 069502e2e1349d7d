"""The documents' corrections travel with their facts, and the texts say what the sources say."""

import re

import pytest

from relations.models import Agreement, Milestone, Organisation, Partner
from trade.models import Figure

pytestmark = pytest.mark.usefixtures("seed")  # these tests are about the documents' facts

EPA = "eu-japan-economic-partnership-agreement"
EPA_CORRECTION = "says it was signed on 17 July 2018 and would enter into force on 1 February 2019"


def note_markers(content):
    """The texts of the compact note markers on a page."""
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block)).strip()
        for block in re.findall(r'<details class="note-marker">(.*?)</details>', content, re.S)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/timeline/",
        "/en/agreements/",
        "/en/organisations/european-union/",
        "/en/countries/japan/",
        f"/en/agreements/{EPA}/",
    ],
)
def test_a_correction_is_shown_wherever_the_corrected_fact_is(client, url):
    content = client.get(url).content.decode()
    assert "17 July 2018" in content
    assert any(EPA_CORRECTION in marker for marker in note_markers(content)), url


@pytest.mark.django_db
def test_milestone_cards_show_their_notes(client):
    content = client.get("/en/partners/shenzhen/").content.decode()
    assert any("The source gives no date." in marker for marker in note_markers(content))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "slug", "typo"),
    [
        (Milestone, "bologna-seoul-exchanges-on-social-economy", "ctites"),
        (Agreement, "bologna-hamamatsu-cooperation-agreement", "singed"),
        (Organisation, "arte-e-salute", "non-for-profit"),
        (Milestone, "protective-equipment-donated-to-policlinico-sant-orsola", "to contrast"),
    ],
)
def test_pure_spelling_fixes_are_kept_for_editors_not_shown_to_visitors(client, model, slug, typo):
    record = model.objects.get(slug=slug)
    assert typo in record.internal_note
    assert typo not in record.note
    assert typo not in client.get(record.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_korean_figures_say_only_what_the_source_says():
    imports = Figure.objects.get(slug="reggio-emilia-agricultural-exports-to-korea")
    assert "Reggio Emilia" not in imports.label
    assert "from the Province of Reggio Emilia" not in imports.measure
    assert "names Reggio Emilia only for" in imports.note
    share = Figure.objects.get(slug="japan-exports-mechanical-and-fashion-share")
    assert "total exports" in share.measure
    assert "exports to Japan" not in share.measure and "exports to Japan" not in share.label
    assert "does not say whether" in share.note


@pytest.mark.django_db
def test_texts_add_nothing_to_the_sources(client):
    visit = Milestone.objects.get(slug="mayor-of-seoul-visits-bologna")
    assert visit.title == "The then-mayor of Seoul visits Bologna"
    assert "season" not in visit.summary
    assert "and then" not in Partner.objects.get(slug="chengdu").story
    academy = Organisation.objects.get(slug="china-tourism-academy")
    assert academy.get_kind_display() == "research institute"
    epa_page = client.get(f"/en/agreements/{EPA}/").content.decode()
    assert "Emilia-Romagna / European side" not in epa_page
    assert "European side" in epa_page
