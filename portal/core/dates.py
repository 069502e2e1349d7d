"""Dates known to different precision: a year, a month, a day, or not at all.

The sources say "in 1989", "November 2015", "March 28, 2021" and "recently signed". A
``PartiallyDated`` record stores only what is known (year, month, day, each optional) and
never fills in the rest, so "1989" is not silently turned into "1 January 1989".
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .publishing import PublishedQuerySet

# Italian writes month names in lower case ("28 marzo 2021", "novembre 2015"); Django's Italian
# catalogue capitalises them, so the portal's own (locale/, read first) translates these msgids.
_MONTH_NAMES = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

MIN_YEAR = 1000
MAX_YEAR = 2100
YEAR_MESSAGE = format_lazy(_("Enter a year between {min} and {max}."), min=MIN_YEAR, max=MAX_YEAR)
YEAR_VALIDATORS = [MinValueValidator(MIN_YEAR, YEAR_MESSAGE), MaxValueValidator(MAX_YEAR, YEAR_MESSAGE)]


class DateQualifier(models.TextChoices):
    ON = "", _("the date as given (on that day, in that month or year)")
    SINCE = "since", _("since that date")
    RECENTLY = "recently", _("recently (the source gives no date)")


def long_date(day):
    """A day in full, as the page's language writes it: '28 marzo 2021', and «1º febbraio 2019» for the
    first of a month (Italian writes it as an ordinal); '1 February 2019' in English. The one place
    pages, citations and the admin's history write a day."""
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day) if timezone.is_aware(day) else day
        day = day.date()
    text = date_format(day, "DATE_FORMAT")
    if day.day == 1 and (get_language() or "").startswith("it"):
        text = "1º" + text.removeprefix("1")
    return text


def on_day(day):
    """A day after a verb: "on 8 December 2026"; in Italian the article, which depends on how the
    number is said: «il 3 dicembre 2026», «il 1º dicembre 2026», but «l'8 dicembre», «l'11 marzo»."""
    text = long_date(day)
    if not (get_language() or "").startswith("it"):
        return f"on {text}"
    return f"l'{text}" if day.day in (8, 11) else f"il {text}"


def long_datetime(moment):
    """A moment as the admin's history shows it: «giovedì 3 dicembre 2026, 15:44» (Django's Italian
    capitalises the day's name; Italian writes it in lower case, like the months)."""
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    weekday = date_format(local, "l")
    if (get_language() or "").startswith("it"):
        weekday = weekday.lower()
    return f"{weekday} {long_date(local)}, {date_format(local, 'H:i')}"


def format_partial_date(year, month, day, qualifier="", in_sentence=False):
    """Render a partial date as precisely as it is known, in the active language's conventions:
    '1989', 'novembre 2015' / 'November 2015', '28 marzo 2021' / '28 March 2021'; a label
    («Dal 2012», «Di recente (data non indicata)») or, ``in_sentence``, the words within a sentence
    («dal 2012», «di recente, data non indicata»), as a citation writes them.

    The formats are the languages' ``DATE_FORMAT`` and ``YEAR_MONTH_FORMAT`` (``portal/formats``);
    the month names are Django's, written in lower case in Italian (``locale/it``).
    """
    if year is None:
        if qualifier == DateQualifier.RECENTLY:
            if in_sentence:
                return str(pgettext_lazy("in a sentence", "recently, date not stated"))
            return str(_("Recently (date not stated)"))
        return str(pgettext_lazy("in a sentence", "date not stated") if in_sentence else _("Date not stated"))
    if month is None:
        text = str(year)
    elif day is None:
        text = date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
    else:
        text = long_date(datetime.date(year, month, day))
    if qualifier == DateQualifier.SINCE:
        # Italian elides before a day said with a vowel first: «dall'8 marzo», «dall'11 marzo».
        vowel = day in (8, 11)
        if in_sentence and vowel:
            since = pgettext_lazy("in a sentence, before a vowel", "since %(date)s")
        elif in_sentence:
            since = pgettext_lazy("in a sentence", "since %(date)s")
        else:
            since = pgettext_lazy("before a vowel", "Since %(date)s") if vowel else _("Since %(date)s")
        return str(since) % {"date": text}
    return text


def partial_date_iso(year, month, day):
    """ISO 8601 of what is known ('1989', '2015-11', '2021-03-28'), for <time datetime>; '' if undated."""
    if year is None:
        return ""
    parts = [f"{year:04d}"]
    if month:
        parts.append(f"{month:02d}")
        if day:
            parts.append(f"{day:02d}")
    return "-".join(parts)


def date_constraints(prefix):
    """Named database constraints every partially dated table carries."""
    return [
        models.CheckConstraint(
            condition=Q(date_year__isnull=True) | Q(date_year__gte=MIN_YEAR, date_year__lte=MAX_YEAR),
            name=f"{prefix}_date_year_in_range",
            violation_error_message=YEAR_MESSAGE,
        ),
        models.CheckConstraint(
            condition=Q(date_month__isnull=True) | Q(date_year__isnull=False, date_month__gte=1, date_month__lte=12),
            name=f"{prefix}_date_month_needs_year",
            violation_error_message=_("A month needs a year, and is from 1 to 12."),
        ),
        models.CheckConstraint(
            condition=Q(date_day__isnull=True) | Q(date_month__isnull=False, date_day__gte=1, date_day__lte=31),
            name=f"{prefix}_date_day_needs_month",
            violation_error_message=_("A day needs a month, and is from 1 to 31."),
        ),
    ]


# The sort key of a partial date (``PartiallyDated.date_sort``): 20151100 for "November 2015",
# 20150000 for "2015" (a bare year before its months), RECENT for "recently (date not stated)"
# (the sources say recent: with the newest), UNDATED (0) for no date at all (last when newest
# come first). One integer, so one index serves both orders.
RECENT = 99_999_999
UNDATED = 0


def date_sort_expression():
    return models.Case(
        models.When(date_qualifier=DateQualifier.RECENTLY, then=models.Value(RECENT)),
        models.When(date_year__isnull=True, then=models.Value(UNDATED)),
        default=models.F("date_year") * 10_000
        + Coalesce("date_month", models.Value(0)) * 100
        + Coalesce("date_day", models.Value(0)),
    )


def chronological_order(descending=False):
    """Newest first (recent-but-undated first, undated last), or oldest first with undated still last.

    On the same date, what happened on it comes before what went on "since" it: the 2012 visit,
    then the exchanges since 2012 ("" sorts before "since").
    """
    if descending:
        return [models.F("date_sort").desc(), models.F("date_qualifier").desc(), models.F("pk").desc()]
    undated_last = models.Case(models.When(date_sort=UNDATED, then=models.Value(1)), default=models.Value(0))
    return [undated_last.asc(), models.F("date_sort").asc(), models.F("date_qualifier").asc(), models.F("pk").asc()]


class ChronologicalQuerySet(PublishedQuerySet):
    """Published records with a partial date, in the order of their dates."""

    def chronological(self, descending=False):
        return self.order_by(*chronological_order(descending))

    def in_years(self, year_from=None, year_to=None):
        """Records dated within the years (inclusive); those without a year are outside any range.

        Read on ``date_sort``, which the date indexes hold, rather than on ``date_year``.
        """
        condition = Q(date_sort__gte=(year_from if year_from is not None else MIN_YEAR) * 10_000)
        condition &= Q(date_sort__lt=((year_to + 1) * 10_000) if year_to is not None else RECENT)
        return self.filter(condition)

    def dated(self):
        """Records with a date or said to be recent: those a "latest" list may show."""
        return self.exclude(date_sort=UNDATED)


class ShowsPartialDate:
    """Display of ``date_year``/``date_month``/``date_day``/``date_qualifier``, for any object having them."""

    @property
    def date_display(self):
        return format_partial_date(self.date_year, self.date_month, self.date_day, self.date_qualifier)

    @property
    def date_in_sentence(self):
        """The date as a citation writes it within its sentence: «dal 2012», «data non indicata»."""
        return format_partial_date(
            self.date_year, self.date_month, self.date_day, self.date_qualifier, in_sentence=True
        )

    @property
    def date_iso(self):
        return partial_date_iso(self.date_year, self.date_month, self.date_day)


class PartiallyDated(ShowsPartialDate, models.Model):
    """Abstract base for records with a date of known precision."""

    date_year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty if the source gives no date."),
    )
    date_month = models.PositiveSmallIntegerField(
        _("month"),
        null=True,
        blank=True,
        choices=list(MONTHS.items()),
        help_text=_("Only if the source names the month."),
    )
    date_day = models.PositiveSmallIntegerField(
        _("day"), null=True, blank=True, help_text=_("Only if the source names the day.")
    )
    date_qualifier = models.CharField(
        _("how the source states the date"),
        max_length=10,
        blank=True,
        choices=DateQualifier.choices,
        default=DateQualifier.ON,
        help_text=_('"Since" needs a year; "recently" is for sources that say so without any date.'),
    )
    date_sort = models.GeneratedField(
        expression=date_sort_expression(),
        output_field=models.PositiveIntegerField(),
        db_persist=True,
        verbose_name=_("date order"),
    )

    class Meta:
        abstract = True

    def clean_partial_date(self):
        errors = {}
        year, month, day = self.date_year, self.date_month, self.date_day
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            return  # the field's own validators have said so
        if month is not None and year is None:
            errors["date_month"] = _("A month needs a year.")
        if day is not None and month is None:
            errors["date_day"] = _("A day needs a month.")
        if not errors and day is not None:
            try:
                datetime.date(year, month, day)
            except ValueError:
                errors["date_day"] = _("%(month)s %(year)s has no day %(day)s.") % {
                    "month": MONTHS[month],
                    "year": year,
                    "day": day,
                }
        if self.date_qualifier == DateQualifier.SINCE and year is None:
            errors["date_qualifier"] = _('"Since" needs a year.')
        if self.date_qualifier == DateQualifier.RECENTLY and year is not None:
            errors["date_qualifier"] = _('"Recently" is only for records without a year.')
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        self.clean_partial_date()
