"""Drafts never appear anywhere public: lists, pages, counts, search, sitemap, related blocks."""

import pytest
from django.urls import reverse

from relations.models import Partner, Signatory
from tests.factories import (
    AgreementFactory,
    CountryFactory,
    DomainFactory,
    FigureFactory,
    MilestoneFactory,
    OrganisationFactory,
    PartnerFactory,
)

DRAFT = "Zzdraftmarker"


@pytest.fixture
def drafts(places):
    """Drafts of every kind, linked to published records on every page they could leak onto."""
    china, chongqing = places.china, places.chongqing
    bologna = OrganisationFactory(slug="municipality-of-bologna")
    culture = DomainFactory(slug="culture")
    draft_partner = PartnerFactory(name=f"{DRAFT} partner", slug="draft-partner", country=china, is_published=False)
    draft_agreement = AgreementFactory(
        title=f"{DRAFT} agreement", slug="draft-agreement", partners=[chongqing], domains=[culture], is_published=False
    )
    Signatory.objects.create(agreement=draft_agreement, side="european", organisation=bologna)
    draft_milestone = MilestoneFactory(
        title=f"{DRAFT} milestone", slug="draft-milestone", countries=[china], partners=[chongqing], is_published=False
    )
    draft_country = CountryFactory(name=f"{DRAFT} country", slug="draft-country", is_published=False)
    draft_organisation = OrganisationFactory(
        name=f"{DRAFT} organisation", slug="draft-organisation", is_published=False
    )
    public_milestone = MilestoneFactory(slug="public-milestone", countries=[china])
    public_milestone.organisations.add(draft_organisation, bologna)
    AgreementFactory(slug="public-culture-agreement", domains=[culture], partners=[chongqing])
    Signatory.objects.create(agreement=places.chongqing_agreement, side="european", organisation=draft_organisation)
    Signatory.objects.create(agreement=places.chongqing_agreement, side="european", organisation=bologna)
    draft_figure = FigureFactory(label=f"{DRAFT} figure", slug="draft-figure", country=china, is_published=False)
    FigureFactory(label="A public figure", country=china)
    return [draft_partner, draft_agreement, draft_milestone, draft_country, draft_organisation, draft_figure]


PUBLIC_PAGES = [
    "/en/",
    "/en/countries/",
    "/en/countries/china/",
    "/en/partners/",
    "/en/partners/?country=china",
    "/en/partners/chongqing/",
    "/en/agreements/",
    "/en/agreements/?partner=chongqing",
    "/en/agreements/?domain=culture",
    "/en/agreements/agreement-with-chongqing/",
    "/en/milestones/public-milestone/",
    "/en/timeline/",
    "/en/timeline/?country=china",
    "/en/organisations/",
    "/en/organisations/municipality-of-bologna/",
    "/en/business/",
    "/en/sources/test-source/",
    f"/en/search/?q={DRAFT}",
    "/en/search/?q=a",
    "/sitemap-partner.xml",
    "/sitemap-agreement.xml",
    "/sitemap-milestone.xml",
    "/sitemap-country.xml",
    "/sitemap-organisation.xml",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_drafts_appear_nowhere_public(client, drafts, url):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    if url.startswith("/en/search/"):  # the search form and the language switch echo what was typed
        content = content.replace(f'value="{DRAFT}"', "").replace(f"“{DRAFT}”", "").replace(f"?q={DRAFT}", "")
        content = content.replace(f"<title>Search: {DRAFT}", "<title>")
    assert DRAFT not in content
    for draft in drafts:
        assert f"/{draft.slug}/" not in content


def test_counts_exclude_drafts(client, drafts):
    published = Partner.objects.published().count()
    response = client.get("/en/partners/")
    assert response.context["paginator"].count == published
    assert Partner.objects.count() == published + 1


@pytest.mark.parametrize(
    "name",
    [
        "relations:partner-detail:draft-partner",
        "relations:agreement-detail:draft-agreement",
        "relations:milestone-detail:draft-milestone",
        "portal:country-detail:draft-country",
        "portal:organisation-detail:draft-organisation",
    ],
)
def test_draft_page_is_404_for_visitors_and_a_preview_for_staff(client, admin_user, drafts, name):
    namespace, view, slug = name.split(":")
    url = reverse(f"{namespace}:{view}", kwargs={"slug": slug})
    assert client.get(url).status_code == 404
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
