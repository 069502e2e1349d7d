"""Pagination whose count stays cheap however large the table grows."""

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

COUNT_CAP = 10_000
LATE_LOOKUP_OFFSET = 1_000  # from this row on, a page is found by id first (see ``page_rows``)


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP rows (``SELECT COUNT(*) FROM (… LIMIT cap + 1)``).

    Lists show "10,000+" beyond that and offer pages up to the cap: nobody pages further by
    hand, and filters narrow any list more usefully than page 800 would.
    """

    cap = COUNT_CAP

    @cached_property
    def capped_total(self):
        if hasattr(self.object_list, "capped_count"):  # e.g. the merged timeline
            return self.object_list.capped_count(self.cap + 1)
        if isinstance(self.object_list, list):
            return len(self.object_list[: self.cap + 1])
        return self.object_list.order_by()[: self.cap + 1].count()  # no ORDER BY needed to count

    @cached_property
    def count(self):
        return min(self.capped_total, self.cap)

    @property
    def is_capped(self):
        return self.capped_total > self.cap

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.page_rows(bottom, top), number, self)

    def page_rows(self, bottom, top):
        """The rows of one page; deep pages with a "late row lookup".

        ``OFFSET 9980`` makes the database build and drop 9,980 whole rows, joins included. Deep
        in a list the page's ids are read first, which an index on the filter and ordering
        answers without touching the table, then only those rows are fetched.
        """
        rows = self.object_list
        if bottom < LATE_LOOKUP_OFFSET or not isinstance(rows, QuerySet):
            return rows[bottom:top]
        ids = list(rows.values_list("pk", flat=True)[bottom:top])
        by_id = rows.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]


class CappedPaginationMixin:
    """List views: the capped paginator, and page numbers in the digits 0-9 only.

    Django's ``int()`` reads ``?page=١`` as page 1: another address for the same page.
    """

    paginator_class = CappedPaginator

    def paginate_queryset(self, queryset, page_size):
        page = self.request.GET.get(self.page_kwarg, "")
        if not page.isascii():
            raise Http404(_("Page numbers are written with the digits 0–9."))
        return super().paginate_queryset(queryset, page_size)
