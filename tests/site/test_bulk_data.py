"""The synthetic bulk data for benchmarks: generated on top of the document facts, marked, once."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from relations.models import Agreement, Country, Milestone, Partner, Signatory
from trade.models import Figure

pytestmark = pytest.mark.usefixtures("seed")  # the generator adds to the document facts (domains, territories)


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
