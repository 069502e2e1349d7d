"""Link records whose other end is exactly one of several kinds of record (a "party").

A signatory is an organisation, a partner's government or a country; a network's member is an
organisation or a partner. The rule lives here once: a database constraint, whose message forms
and ``full_clean()`` give (``violation_error_message``).
"""

from django.db import models
from django.db.models import Q


def exactly_one_of(fields, name, message):
    """A check constraint: exactly one of ``fields`` is set; ``message`` says so to editors."""
    condition = Q()
    for chosen in fields:
        condition |= Q(**{f"{field}__isnull": field != chosen for field in fields})
    return models.CheckConstraint(condition=condition, name=name, violation_error_message=message)


class OneParty(models.Model):
    """``party_fields`` are the possible parties; ``party`` is the one that is set."""

    party_fields = ()

    class Meta:
        abstract = True

    @property
    def party(self):
        return next((getattr(self, name) for name in self.party_fields if getattr(self, f"{name}_id")), None)
