"""Tools for scale: synthetic bulk data and lists whose count stays bounded."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import pagination
from portal.pagination import CappedPaginator
from portal.selectors import HOME_COUNTRIES
from relations.models import Agreement, Country, Milestone, Partner, Signatory
from relations.selectors import RELATED_LIMIT
from tests.factories import AgreementFactory, CountryFactory, PartnerFactory
from trade.models import Figure


@pytest.mark.django_db
def test_bulk_data_is_generated_marked_synthetic_and_only_once(capsys):
    before = {model: model.objects.count() for model in (Country, Partner, Agreement, Milestone, Figure)}
    call_command("generate_bulk_data", "--scale", "1")
    added = {model: model.objects.count() - before[model] for model in before}
    assert added == {Country: 2, Partner: 100, Agreement: 1000, Milestone: 2000, Figure: 2000}
    synthetic = Agreement.objects.filter(source_section__source__slug="synthetic")
    assert synthetic.count() == 1000
    assert not synthetic.exclude(slug__startswith="synthetic-").exists()
    assert Signatory.objects.filter(agreement__in=synthetic).count() == 2000
    for agreement in synthetic[:200]:
        agreement.full_clean()  # generated rows obey the same rules as editors' rows
    with pytest.raises(CommandError, match="already has synthetic data"):
        call_command("generate_bulk_data", "--scale", "1")


@pytest.mark.django_db
def test_long_lists_count_only_up_to_the_cap(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 40)
    AgreementFactory.create_batch(60)
    response = client.get("/agreements/")
    assert response.context["paginator"].count == 40
    assert response.context["paginator"].is_capped
    assert "More than 40 agreements: use the filters to narrow the list." in response.content.decode()
    assert client.get("/agreements/?page=2").status_code == 200
    assert client.get("/agreements/?page=3").status_code == 404
    assert client.get("/agreements/?kind=declaration-of-intent").context["paginator"].is_capped is False


@pytest.mark.django_db
def test_timeline_pages_are_capped_too(client, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 60)
    AgreementFactory.create_batch(80)
    response = client.get("/timeline/")
    assert response.status_code == 200
    assert response.context["paginator"].count == 60
    assert client.get("/timeline/?page=2").status_code == 200
    assert client.get("/timeline/?page=3").status_code == 404


@pytest.mark.django_db
def test_deep_pages_hold_the_same_rows_as_offset_paging(monkeypatch):
    """Past LATE_LOOKUP_OFFSET a page is read by id first; its rows and order must not change."""
    AgreementFactory.create_batch(45)
    listed = Agreement.objects.published().with_related().chronological(descending=True)
    expected = [[agreement.pk for agreement in page] for page in (listed[i : i + 10] for i in range(20, 50, 10))]
    monkeypatch.setattr(pagination, "LATE_LOOKUP_OFFSET", 20)
    paginator = CappedPaginator(listed, 10)
    pages = [paginator.page(number) for number in (3, 4, 5)]
    assert all(isinstance(page.object_list, list) for page in pages)  # found by id, not sliced
    assert [[agreement.pk for agreement in page] for page in pages] == expected
    with CaptureQueriesContext(connection) as queries:
        for card in paginator.page(4):
            list(card.signatories.all()), list(card.domains.all()), card.source_section.source.title
    assert len(queries) == 4  # ids, the rows (with their source), domains, signatories: eager loading kept


@pytest.mark.django_db
def test_home_shows_a_bounded_number_of_countries(client):
    CountryFactory.create_batch(20)
    page = client.get("/").content.decode()
    assert page.count('class="tile"><a href="/countries/') == HOME_COUNTRIES
    assert 'href="/countries/">All countries</a>' in page


@pytest.mark.django_db
def test_a_country_page_previews_its_partners_and_links_to_them_all(client):
    country = CountryFactory()
    PartnerFactory.create_batch(RELATED_LIMIT + 2, country=country)
    page = client.get(country.get_absolute_url()).content.decode()
    assert page.count('<li class="tile"><a href="/partners/') == RELATED_LIMIT
    full_list = f"/partners/?country={country.slug}"
    assert f'href="{full_list}"' in page
    assert client.get(full_list).context["paginator"].count == RELATED_LIMIT + 2
