"""Records named by their natural key (a slug, or the slugs of what they link), not by a number.

Fixtures say ``"country": ["china"]``; the loader and Django's deserializer find records with
``get_by_natural_key``. A model lists the fields of its key in ``natural_key_fields``: its own
fields, or relations to models whose key is their slug.
"""

from django.db import models

from .text import PrintableText


class NaturalKeyQuerySet(models.QuerySet):
    """``get_by_natural_key`` on the queryset, so ``as_manager()`` gives it to the manager too."""

    def get_by_natural_key(self, *values):
        lookups = {}
        for name, value in zip(self.model.natural_key_fields, values, strict=True):
            if self.model._meta.get_field(name).is_relation:
                lookups[f"{name}__slug" if value else f"{name}__isnull"] = value or True
            else:
                lookups[name] = value
        return self.get(**lookups)


class NaturalKeyModel(PrintableText):
    """``natural_key()`` from ``natural_key_fields``; an empty relation is ``""``.

    The base of every content model, so it is also where their texts are kept printable
    (``PrintableText``: no invisible control character)."""

    natural_key_fields = ("slug",)

    class Meta:
        abstract = True

    def natural_key(self):
        values = []
        for name in self.natural_key_fields:
            if self._meta.get_field(name).is_relation:
                related = getattr(self, name)
                values.append(related.slug if related is not None else "")
            else:
                values.append(getattr(self, name))
        return tuple(values)
