"""How a figure's value reads on a page, in the active language's conventions:
'14,6%' / '14.6%', '+49,5%', 'più di 6.000 persone' / 'more than 6,000 people',
'916 milioni' / '916 million', '1º posto' / '1st'."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

BILLION = Decimal(10**9)
MILLION = Decimal(10**6)


def _plain_number(value):
    """Drop a meaningless '.00', group thousands and use the language's separators:
    Decimal('6000.00') -> '6.000' in Italian, '6,000' in English."""
    normalised = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return number_format(normalised, force_grouping=True)


def _large_amount(value):
    if abs(value) >= BILLION:
        amount = value / BILLION
        return ngettext("%(amount)s billion", "%(amount)s billion", _count(amount)) % {"amount": _plain_number(amount)}
    if abs(value) >= MILLION:
        amount = value / MILLION
        return ngettext("%(amount)s million", "%(amount)s million", _count(amount)) % {"amount": _plain_number(amount)}
    return _plain_number(value)


def _count(amount):
    """The number a plural form is chosen by ('1 milione', '2 milioni'; 1.5 reads as plural)."""
    return int(amount) if amount == amount.to_integral_value() else 2


def _ordinal(number):
    """'1st', '2nd', '6th' in English; '1º posto' in Italian (the rank's own noun, any gender)."""
    number = int(number)
    if not (get_language() or "").startswith("en"):
        return _("%(number)sº place") % {"number": number}
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_figure_value(value, unit, qualifier=""):
    if unit == "percent":
        text = f"{_plain_number(value)}%"
    elif unit == "percent-change":
        sign = "+" if value > 0 else ""
        text = f"{sign}{_plain_number(value)}%"
    elif unit == "rank":
        text = _ordinal(value)
    elif unit == "people":
        text = ngettext("%(number)s person", "%(number)s people", _count(value)) % {"number": _plain_number(value)}
    elif unit == "euro":
        # "€1.5 million" / "1,5 milioni di euro"; "€500" / "500 €"
        if abs(value) >= MILLION:
            text = pgettext("large amount", "€%(amount)s") % {"amount": _large_amount(value)}
        else:
            text = pgettext("amount", "€%(amount)s") % {"amount": _large_amount(value)}
    else:
        text = _large_amount(value)
    if qualifier == "more-than":
        text = _("more than %(value)s") % {"value": text}
    elif qualifier == "about":
        text = _("about %(value)s") % {"value": text}
    if unit == "currency-not-stated":  # said wherever the amount is: never read as euros
        text = _("%(amount)s, currency not stated") % {"amount": text}
    return text
