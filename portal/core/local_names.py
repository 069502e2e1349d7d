"""Names in the local script, with their language so screen readers pronounce them right."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The languages of the local names (the codes are the standard tags pages put in ``lang``).
LOCAL_NAME_LANGUAGES = [
    ("zh-Hans", _("Chinese (simplified characters)")),
    ("zh-Hant", _("Chinese (traditional characters)")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("hi", _("Hindi")),
    ("gu", _("Gujarati")),
    ("vi", _("Vietnamese")),
    ("th", _("Thai")),
    ("id", _("Indonesian")),
    ("ms", _("Malay")),
]


class LocallyNamed(models.Model):
    native_name = models.CharField(_("name in the local script"), max_length=100, blank=True)
    native_name_language = models.CharField(
        _("language of the local name"),
        max_length=20,
        blank=True,
        choices=LOCAL_NAME_LANGUAGES,
        help_text=_("So that screen readers pronounce the local name in its language."),
    )

    class Meta:
        abstract = True


class NameLanguage(models.Model):
    """The language of a proper name kept as it is in every language of the portal.

    "Arte e Salute" stays Italian on the English pages, "China Tourism Academy" English on the
    Italian ones: pages mark such a name with its own ``lang`` so screen readers pronounce it.
    """

    name_language = models.CharField(
        _("language of the name"),
        max_length=20,
        blank=True,
        choices=[("it", _("Italian")), ("en", _("English"))],
        help_text=_(
            "Only for a proper name that is not translated, such as 'Arte e Salute' (Italian). "
            "Leave empty when each language has its own name."
        ),
    )

    class Meta:
        abstract = True
