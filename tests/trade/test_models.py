from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import FigureFactory
from trade.formatting import format_figure_value
from trade.models import Figure


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        ("14.60", "percent", "", "14.6%"),
        ("49.50", "percent-change", "", "+49.5%"),
        ("10.00", "percent-change", "", "+10%"),
        ("-3.20", "percent-change", "", "-3.2%"),
        ("6.00", "rank", "", "6th"),
        ("1.00", "rank", "", "1st"),
        ("3.00", "rank", "", "3rd"),
        ("12.00", "rank", "", "12th"),
        ("6000.00", "people", "more-than", "more than 6,000 people"),
        ("916000000.00", "currency-not-stated", "", "916 million, currency not stated"),
        ("30000000.00", "currency-not-stated", "about", "about 30 million, currency not stated"),
        ("1500000.00", "euro", "", "€1.5 million"),
    ],
)
def test_figure_value_reads_with_unit_and_qualifier(value, unit, qualifier, expected):
    assert format_figure_value(Decimal(value), unit, qualifier) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (2010, 2019, "2010–2019"),
        (None, 2018, "2018"),
        (2010, None, "compared to 2010"),
        (None, None, "year not stated in the source"),
    ],
)
def test_period_reads_as_year_period_or_base_year(start, end, expected):
    assert Figure(start_year=start, end_year=end).period_display == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end_year": None}, "end_year", "Give the reference year or period, or tick 'year not stated in the source'."),
        ({"start_year": 2019, "end_year": 2010}, "end_year", "The period ends before it starts."),
        ({"value": 140}, "value", "A share is between 0 and 100 percent."),
        ({"unit": "rank", "value": Decimal("2.5")}, "value", "A rank is a whole number from 1."),
        ({"unit": "people", "value": -5}, "value", "This unit takes no negative values."),
        ({"unit": ""}, "unit", "This field cannot be blank."),
    ],
)
def test_figure_validation_gives_a_message_on_the_field(changes, field, message):
    figure = FigureFactory.build(**changes)
    with pytest.raises(ValidationError) as raised:
        figure.full_clean()
    assert message in raised.value.message_dict[field]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "constraint"),
    [
        ({"value": 101}, "figure_percent_in_range"),
        ({"start_year": 2019, "end_year": 2010}, "figure_period_ordered"),
        ({"end_year": None}, "figure_has_year_or_says_not_stated"),
        ({"unit": "rank", "value": 0}, "figure_rank_positive"),
    ],
)
def test_database_constraints_hold_without_validation(changes, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        FigureFactory(**changes)
