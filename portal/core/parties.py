"""Link records whose other end is exactly one of several kinds of record (a "party").

A signatory is an organisation, a partner's government or a country; a network's member is an
organisation or a partner. The rule lives here once: a database constraint and ``clean()``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


def exactly_one_of(fields, name):
    """A check constraint: exactly one of ``fields`` is set."""
    condition = Q()
    for chosen in fields:
        condition |= Q(**{f"{field}__isnull": field != chosen for field in fields})
    return models.CheckConstraint(condition=condition, name=name)


class OneParty(models.Model):
    """``party_fields`` are the possible parties; ``party`` is the one that is set."""

    party_fields = ()
    party_message = ""

    class Meta:
        abstract = True

    @property
    def party(self):
        return next((getattr(self, name) for name in self.party_fields if getattr(self, f"{name}_id")), None)

    def clean(self):
        super().clean()
        if sum(getattr(self, f"{name}_id") is not None for name in self.party_fields) != 1:
            raise ValidationError(self.party_message)
