"""What the site keeps for its editors (the content is in ``relations`` and ``trade``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.core.text import FORMATTING_HELP, PrintableText


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


class InfoPage(PrintableText):
    """A page every Italian public site links from its footer: legal notes, privacy, cookies,
    accessibility, the data licence. The set is fixed (a migration creates each in both
    languages); editors change their texts. The institution's name, contacts and the address of
    the accessibility statement come from settings and are shown beside the text."""

    class Kind(models.TextChoices):
        LEGAL_NOTES = "legal-notes", _("Legal notes")
        PRIVACY = "privacy", _("Privacy notice")
        COOKIES = "cookies", _("Cookie notice")
        ACCESSIBILITY = "accessibility", _("Accessibility")
        DATA_LICENCE = "data-licence", _("Licence of the data")

    kind = models.SlugField(_("page"), max_length=40, choices=Kind.choices, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=FORMATTING_HELP)
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("information page")
        verbose_name_plural = _("information pages (footer)")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return info_page_url(self.kind)


# Each footer page's address, translated like the other words of the addresses (context "web address").
INFO_PAGE_ADDRESSES = {
    InfoPage.Kind.LEGAL_NOTES: pgettext_lazy("web address", "legal-notes"),
    InfoPage.Kind.PRIVACY: pgettext_lazy("web address", "privacy"),
    InfoPage.Kind.COOKIES: pgettext_lazy("web address", "cookies"),
    InfoPage.Kind.ACCESSIBILITY: pgettext_lazy("web address", "accessibility"),
    InfoPage.Kind.DATA_LICENCE: pgettext_lazy("web address", "data-licence"),
}


def info_page_url(kind):
    from django.urls import reverse

    return reverse("portal:info-page", kwargs={"kind": str(INFO_PAGE_ADDRESSES[kind])})


def info_page_kind(address):
    """The kind of footer page at ``address`` in the active language, or at its older address
    (the kind itself), or None."""
    for kind, translated in INFO_PAGE_ADDRESSES.items():
        if address in (str(translated), kind):
            return kind
    return None


class PageRating(models.Model):
    """How many visitors found a page useful, per page, language and answer (the AgID rating
    component). Only counts: nothing about who answered is stored (see portal.site.ratings)."""

    path = models.CharField(_("page"), max_length=300)
    stars = models.PositiveSmallIntegerField(_("rating"), choices=[(n, str(n)) for n in range(1, 6)])
    count = models.PositiveIntegerField(_("answers"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["path", "stars"], name="one_counter_per_page_and_rating")]
        ordering = ["path", "stars"]
        verbose_name = _("page rating")
        verbose_name_plural = _("page ratings")

    def __str__(self):
        return f"{self.path} ★{self.stars}: {self.count}"
