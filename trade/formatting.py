"""How a figure's value reads on a page: '14.6%', '+49.5%', 'more than 6,000 people', '916 million'."""

from decimal import Decimal

from django.utils.translation import gettext as _

BILLION = Decimal(10**9)
MILLION = Decimal(10**6)


def _plain_number(value):
    """Drop a meaningless '.00' and group thousands: Decimal('6000.00') -> '6,000'."""
    normalised = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return f"{normalised:,}"


def _large_amount(value):
    if abs(value) >= BILLION:
        return f"{_plain_number(value / BILLION)} {_('billion')}"
    if abs(value) >= MILLION:
        return f"{_plain_number(value / MILLION)} {_('million')}"
    return _plain_number(value)


def _ordinal(number):
    number = int(number)
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
        text = _("%(number)s people") % {"number": _plain_number(value)}
    elif unit == "euro":
        text = f"€{_large_amount(value)}"
    else:
        text = _large_amount(value)
    if qualifier == "more-than":
        return f"{_('more than')} {text}"
    if qualifier == "about":
        return f"{_('about')} {text}"
    return text
