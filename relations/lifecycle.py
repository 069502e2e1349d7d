"""An agreement's life: the steps a visitor reads on its page, its next renewal or end, and what
editors must review (the admin's report, and the warning on the agreement's admin page).

Nothing is inferred beyond arithmetic: a renewal date is computed only from a term and a start
that a source gives, and it is labelled as computed.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from portal.core.dates import format_partial_date, long_date, on_day, partial_date_iso

from .models import Agreement

CLOSED = (Agreement.Status.EXPIRED, Agreement.Status.SUPERSEDED)


def add_months(day, months):
    """The same day ``months`` later (the month's last day when it is shorter: 31 Jan + 1 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    """The next date an agreement ends or comes up for renewal."""

    day: datetime.date
    is_renewal: bool
    is_computed: bool  # from the term, not a date the source gives

    def describe(self):
        on_date = on_day(self.day)
        if self.is_renewal:
            text = _("Renewal due %(on_date)s") % {"on_date": on_date}
        else:
            text = _("Ends %(on_date)s") % {"on_date": on_date}
        if self.is_computed:
            text += " " + _("(computed from the term)")
        return text


def term_start(agreement):
    """The day a term counts from: the entry into force, else the signing day when it is known."""
    if agreement.entered_into_force_on:
        return agreement.entered_into_force_on
    if agreement.date_day:
        return agreement.signed_from
    return None


def next_due(agreement, today=None):
    """The agreement's next end or renewal, or None when it is closed or no source gives one.

    An automatically renewed term rolls on to the first renewal from ``today``; a term renewed by
    decision (or with no renewal stated) ends at its first end, which may be past: that is overdue.
    """
    today = today or datetime.date.today()
    if agreement.status in CLOSED:
        return None
    if agreement.ends_on:
        return Due(agreement.ends_on, is_renewal=False, is_computed=False)
    start = term_start(agreement)
    if not (agreement.term_years and start):
        return None
    months = 12 * agreement.term_years
    end = add_months(start, months)
    if agreement.renewal == Agreement.Renewal.AUTOMATIC:
        while end < today:
            end = add_months(end, months)
    return Due(end, is_renewal=bool(agreement.renewal), is_computed=True)


def review_reasons(agreement, today=None):
    """Why editors should look at an agreement now: a renewal or end within the notice period (or
    past), or a status not confirmed for ``PORTAL_AGREEMENT_CONFIRM_YEARS``. Empty if none."""
    today = today or datetime.date.today()
    reasons = []
    due = next_due(agreement, today)
    if due and due.day <= add_months(today, settings.PORTAL_AGREEMENT_NOTICE_MONTHS):
        reasons.append(due.describe() + (" — " + _("already past") if due.day < today else ""))
    if agreement.status not in CLOSED:
        if agreement.status_confirmed_on is None:
            reasons.append(_("Status never confirmed by an editor"))
        elif agreement.status_confirmed_on < confirmation_cutoff(today):
            reasons.append(_("Status last confirmed %(on_date)s") % {"on_date": on_day(agreement.status_confirmed_on)})
    return reasons


def confirmation_cutoff(today):
    return add_months(today, -12 * settings.PORTAL_AGREEMENT_CONFIRM_YEARS)


def agreements_to_review(today=None):
    """Every agreement (published or not) with a review reason, soonest due first, then the
    longest unconfirmed: ``(agreement, due, reasons)`` rows for the admin's report.

    The database narrows to open agreements with an end or a term, or an old confirmation; the
    dates are then worked out here (a term's renewals are arithmetic SQL does not share).
    """
    today = today or datetime.date.today()
    candidates = (
        Agreement.objects.exclude(status__in=CLOSED)
        .filter(
            Q(ends_on__isnull=False)
            | Q(term_years__isnull=False)
            | Q(status_confirmed_on__isnull=True)
            | Q(status_confirmed_on__lt=confirmation_cutoff(today))
        )
        .prefetch_related("partners")
    )
    rows = []
    for agreement in candidates:
        reasons = review_reasons(agreement, today)
        if reasons:
            rows.append((agreement, next_due(agreement, today), reasons))
    far = datetime.date.max
    rows.sort(
        key=lambda row: (row[1].day if row[1] else far, row[0].status_confirmed_on or datetime.date.min, row[0].pk)
    )
    return rows


@dataclass(frozen=True)
class Step:
    """One line of an agreement's life on its page."""

    label: str
    text: str
    iso: str = ""  # for <time datetime>, when the step has a date
    agreement: Agreement | None = None  # the other agreement a revision or replacement names
    source: object = None  # its SourceSection, when a source gives the step
    known: bool = True
    correction: str = ""  # what the editors corrected in it, and what the source says


def _day(day):
    return long_date(day), day.isoformat()


def life_of(agreement, today=None):
    """The agreement's life in order: signed, revisions, entry into force, term, end or renewal,
    replacement, status. What no source states reads "not stated"."""
    not_stated = pgettext("an entry into force, a term or an end", "Not stated")
    steps = []
    signed = format_partial_date(
        agreement.date_year, agreement.date_month, agreement.date_day, agreement.date_qualifier
    )
    correction = ""
    if agreement.date_is_corrected:
        correction = _("A date the editors corrected: the source cited above says %(stated)s.") % {
            "stated": agreement.date_in_source
        }
    steps.append(
        Step(
            pgettext("the signing of an agreement", "Signed"),
            signed,
            partial_date_iso(agreement.date_year, agreement.date_month, agreement.date_day),
            source=agreement.date_source if agreement.date_is_corrected else agreement.source_section,
            correction=correction,
        )
    )
    if agreement.revises_id and agreement.revises.is_published:
        steps.append(Step(_("Revises"), agreement.revises.title, agreement=agreement.revises))
    if agreement.entered_into_force_on:
        text, iso = _day(agreement.entered_into_force_on)
        steps.append(Step(_("Entered into force"), text, iso, source=agreement.entry_into_force_source))
    else:
        steps.append(Step(_("Entered into force"), not_stated, known=False))
    if agreement.term_years:
        term = ngettext("%(years)d year", "%(years)d years", agreement.term_years) % {"years": agreement.term_years}
        renewal = agreement.get_renewal_display() if agreement.renewal else _("renewal not stated")
        steps.append(Step(_("Term"), f"{term}, {renewal}", source=agreement.term_source))
    else:
        steps.append(Step(_("Term"), not_stated, known=False))
    for revision in agreement.revisions.all():  # published ones: see the detail view's prefetch
        steps.append(Step(_("Revised by"), revision.title, agreement=revision))
    if agreement.ends_on:
        text, iso = _day(agreement.ends_on)
        label = _("Ended") if agreement.ends_on < (today or datetime.date.today()) else _("Ends")
        steps.append(Step(label, text, iso, source=agreement.term_source))
    else:
        due = next_due(agreement, today)
        if due:
            text, iso = _day(due.day)
            label = _("Next renewal") if due.is_renewal else _("Ends")
            steps.append(Step(label, f"{text} " + _("(computed from the term)"), iso, source=agreement.term_source))
        else:
            steps.append(Step(_("End"), not_stated, known=False))
    if agreement.superseded_by_id and agreement.superseded_by.is_published:
        steps.append(Step(_("Superseded by"), agreement.superseded_by.title, agreement=agreement.superseded_by))
    status = agreement.get_status_display() if agreement.status_is_stated else pgettext("a status", "Not stated")
    if agreement.status_confirmed_on:
        status += ", " + _("confirmed %(on_date)s") % {"on_date": on_day(agreement.status_confirmed_on)}
    steps.append(Step(_("Status"), status, source=agreement.status_source, known=agreement.status_is_stated))
    return steps
