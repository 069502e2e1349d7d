"""Names in the local script, with their language so screen readers pronounce them right."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import grammar
from .grammar import ARTICLES
from .translation import language_columns

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

    @property
    def distinct_native_name(self):
        """The local name where it says something the name does not: «Đà Nẵng» beside «Da Nang»,
        nothing beside «Đà Nẵng» itself (a page would print it twice)."""
        if self.native_name.strip() in {getattr(self, column, "") for column in language_columns(type(self), "name")}:
            return ""
        return self.native_name


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


def article_choices(language):
    return [("", _("none"))] + [(article, article) for article in ARTICLES[language] if article]


class NameArticle(models.Model):
    """The article a name takes in a sentence, in each language: «la» Regione Emilia-Romagna,
    «il» Comune di Bologna, none for a city; "the" Emilia-Romagna Region in English. Phrases are
    built from it (``name_phrase``): «firmato dalla Regione». Two fields, not a translated one:
    "no article" in one language is a value of its own, not a text missing that falls back to the
    other language's."""

    name_article_it = models.CharField(
        _("article of the name in Italian"),
        max_length=4,
        blank=True,
        choices=article_choices("it"),
        help_text=_("As in a sentence: «la» for «la Regione Emilia-Romagna», none for a city."),
    )
    name_article_en = models.CharField(
        _("article of the name in English"),
        max_length=4,
        blank=True,
        choices=article_choices("en"),
        help_text=_("As in a sentence: “the” for “the Emilia-Romagna Region”, none for “China”."),
    )

    class Meta:
        abstract = True

    @property
    def article(self):
        """The article in the page's language."""
        return getattr(self, f"name_article_{grammar.language()}", "") or ""

    def name_phrase(self, preposition=""):
        """The name with its article, after a preposition (English: "of", "by", "in", "about", "with"):
        «della Regione Emilia-Romagna», "of the Emilia-Romagna Region", «Chongqing», "in China"."""
        return self.name_prefix(preposition) + self.name

    def name_prefix(self, preposition=""):
        """What goes before the name, for a page that writes the name as a link: «dalla »."""
        return grammar.prefix(preposition, self.article)
