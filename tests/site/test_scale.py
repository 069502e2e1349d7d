"""Tools for scale: synthetic bulk data and lists whose count stays bounded."""

import pytest

from portal.core.pagination import CappedPaginator
from portal.site.selectors import HOME_COUNTRIES
from relations.selectors import RELATED_LIMIT
from tests.factories import AgreementFactory, CountryFactory, PartnerFactory


@pytest.mark.django_db
def test_long_lists_count_only_up_to_the_cap(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 40)
    AgreementFactory.create_batch(60)
    response = client.get("/en/agreements/")
    assert response.context["paginator"].count == 40
    assert response.context["paginator"].is_capped
    assert "More than 40 agreements: use the filters to narrow the list." in response.content.decode()
    assert client.get("/en/agreements/?page=2").status_code == 200
    assert client.get("/en/agreements/?page=3").status_code == 404
    assert client.get("/en/agreements/?kind=declaration-of-intent").context["paginator"].is_capped is False


@pytest.mark.django_db
def test_timeline_pages_are_capped_too(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 60)
    AgreementFactory.create_batch(80)
    response = client.get("/en/timeline/")
    assert response.status_code == 200
    assert response.context["paginator"].count == 60
    assert client.get("/en/timeline/?page=2").status_code == 200
    assert client.get("/en/timeline/?page=3").status_code == 404


@pytest.mark.django_db
def test_home_shows_a_bounded_number_of_countries(client):
    CountryFactory.create_batch(20)
    page = client.get("/en/").content.decode()
    assert page.count('<a href="/en/countries/country-') == HOME_COUNTRIES
    assert 'href="/en/countries/">All countries</a>' in page


@pytest.mark.django_db
def test_a_country_page_previews_its_partners_and_links_to_them_all(client):
    country = CountryFactory()
    PartnerFactory.create_batch(RELATED_LIMIT + 2, country=country)
    page = client.get(country.get_absolute_url()).content.decode()
    assert page.count('<a href="/en/partners/partner-') == RELATED_LIMIT
    full_list = f"/en/partners/?country={country.slug}"
    assert f'href="{full_list}"' in page
    assert client.get(full_list).context["paginator"].count == RELATED_LIMIT + 2
