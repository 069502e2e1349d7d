"""Tools for scale: synthetic bulk data and lists whose count stays bounded."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.pagination import CappedPaginator
from relations.models import Agreement, Country, Milestone, Partner, Signatory
from tests.factories import AgreementFactory
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
