"""What the site keeps for its editors (the content is in ``relations`` and ``trade``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EditorSettings(models.Model):
    """An editor's own settings: the language the admin speaks to them (Italian unless they choose)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="editor_settings",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language of the admin"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("editor's settings")
        verbose_name_plural = _("editors' settings")

    def __str__(self):
        return str(self.user)


def editor_language(user):
    """The language of the admin for ``user``: their own choice, Italian otherwise."""
    try:
        return user.editor_settings.language
    except EditorSettings.DoesNotExist:
        return settings.LANGUAGE_CODE
