"""The site's own translated texts: the footer's information pages, in Italian and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import InfoPage


@register(InfoPage)
class InfoPageTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("it", "en")
