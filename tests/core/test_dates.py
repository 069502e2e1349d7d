"""Dates keep their precision: shown as precisely as known, sorted sensibly, never invented."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from portal.core.dates import format_partial_date
from relations.models import Milestone
from tests.factories import MilestoneFactory


@pytest.mark.parametrize(
    ("year", "month", "day", "qualifier", "expected"),
    [
        (1989, None, None, "", "1989"),
        (2015, 11, None, "", "November 2015"),
        (2021, 3, 28, "", "28 March 2021"),
        (2012, None, None, "since", "Since 2012"),
        (None, None, None, "recently", "Recently (date not stated)"),
        (None, None, None, "", "Date not stated"),
    ],
)
def test_date_is_displayed_as_precisely_as_known(year, month, day, qualifier, expected):
    assert format_partial_date(year, month, day, qualifier) == expected


def test_iso_date_has_only_the_known_parts():
    assert Milestone(date_year=1989).date_iso == "1989"
    assert Milestone(date_year=2015, date_month=11).date_iso == "2015-11"
    assert Milestone(date_year=2021, date_month=3, date_day=28).date_iso == "2021-03-28"
    assert Milestone().date_iso == ""


@pytest.mark.django_db
def test_chronological_order_puts_year_before_its_months_and_undated_last():
    Milestone.objects.all().delete()
    undated = MilestoneFactory(date_year=None)
    november = MilestoneFactory(date_year=2015, date_month=11)
    day = MilestoneFactory(date_year=2015, date_month=3, date_day=2)
    year_only = MilestoneFactory(date_year=2015)
    older = MilestoneFactory(date_year=1989)
    assert list(Milestone.objects.chronological()) == [older, year_only, day, november, undated]
    assert list(Milestone.objects.chronological(descending=True))[:4] == [november, day, year_only, older]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"date_month": 5}, "date_month", "A month needs a year."),
        ({"date_year": 2020, "date_day": 5}, "date_day", "A day needs a month."),
        ({"date_year": 2021, "date_month": 2, "date_day": 30}, "date_day", "February 2021 has no day 30."),
        ({"date_qualifier": "since"}, "date_qualifier", '"Since" needs a year.'),
        (
            {"date_year": 2020, "date_qualifier": "recently"},
            "date_qualifier",
            '"Recently" is only for records without a year.',
        ),
    ],
)
def test_clean_rejects_impossible_dates_with_a_message_on_the_field(fields, field, message):
    milestone = Milestone(**fields)
    with pytest.raises(ValidationError) as raised:
        milestone.clean_partial_date()
    assert raised.value.message_dict[field] == [message]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"date_year": None, "date_month": 5}, "milestone_date_month_needs_year"),
        ({"date_year": 2020, "date_month": None, "date_day": 3}, "milestone_date_day_needs_month"),
        ({"date_year": 20000}, "milestone_date_year_in_range"),
        ({"date_year": 2020, "date_month": 13}, "milestone_date_month_needs_year"),
    ],
)
def test_database_refuses_impossible_dates_even_without_validation(fields, constraint):
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        MilestoneFactory(**fields)


@pytest.mark.django_db
def test_year_out_of_range_gets_one_clear_message_on_every_database():
    milestone = MilestoneFactory.build(date_year=99999)
    with pytest.raises(ValidationError) as raised:
        milestone.full_clean()
    assert raised.value.message_dict["date_year"] == ["Enter a year between 1000 and 2100."]


def test_since_elides_before_a_day_said_with_a_vowel_and_a_citation_writes_dates_in_lower_case():
    """Issue 22: «Dall'8 marzo», not «Dal 8 marzo»; «(dal 2012)», «(di recente, data non indicata)»."""
    from django.utils import translation

    from portal.core.dates import format_partial_date

    with translation.override("it"):
        assert format_partial_date(2026, 3, 8, "since") == "Dall'8 marzo 2026"
        assert format_partial_date(2026, 3, 11, "since", in_sentence=True) == "dall'11 marzo 2026"
        assert format_partial_date(2012, None, None, "since") == "Dal 2012"
        assert format_partial_date(2012, None, None, "since", in_sentence=True) == "dal 2012"
        assert format_partial_date(None, None, None, "recently", in_sentence=True) == "di recente, data non indicata"
        assert format_partial_date(None, None, None, "", in_sentence=True) == "data non indicata"
    with translation.override("en"):
        assert format_partial_date(2012, None, None, "since", in_sentence=True) == "since 2012"
