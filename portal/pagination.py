"""Pagination whose count stays cheap however large the table grows."""

from functools import cached_property

from django.core.paginator import Paginator

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
