"""Names in the local script, with their language so screen readers pronounce them right."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LocallyNamed(models.Model):
    native_name = models.CharField(_("name in the local script"), max_length=100, blank=True)
    native_name_language = models.CharField(
        _("language of the local name"),
        max_length=20,
        blank=True,
        help_text=_("BCP 47 tag, for screen readers: zh-Hans, ko, ja, hi, gu, vi."),
    )

    class Meta:
        abstract = True
