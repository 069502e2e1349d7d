"""Pagination whose count stays cheap however large the table grows."""

from functools import cached_property

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

COUNT_CAP = 10_000


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
