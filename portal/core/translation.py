"""Content in Italian and English: which fields are translated, what is missing, what falls back.

django-modeltranslation gives every translated field a column per language (``title_it``,
``title_en``); reading ``record.title`` returns the active language's text, or the other
language's when it is empty (``MODELTRANSLATION_FALLBACK_LANGUAGES``). This module adds what the
portal needs on top: the language a text is actually shown in (for ``lang`` and the visitor's
notice), the list of missing translations (the editors' marker and report, the loader's check),
and the history registration that keeps both languages in every version.
"""

from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language, get_language_info
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from simple_history import register


def languages():
    """The content languages, the default (Italian) first."""
    return [code for code, _name in settings.LANGUAGES]


def current_language():
    """The active language, reduced to one of the content languages (Italian otherwise)."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in languages() else settings.LANGUAGE_CODE


def translated_fields(model):
    """The names of ``model``'s translated fields, in the model's field order (none if untranslated)."""
    try:
        names = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return ()
    return tuple(field.name for field in model._meta.fields if field.name in names)


def column(field, language):
    """The name of ``field``'s column in ``language``: ``column('title', 'en') == 'title_en'``."""
    return build_localized_fieldname(field, language)


def language_columns(model, field):
    """Every language's column of ``field``, or ``[field]`` if it is not translated."""
    if field in translated_fields(model):
        return [column(field, language) for language in languages()]
    return [field]


def is_required(model, field):
    """Whether the field must have a text (it is not ``blank`` in the model)."""
    return not model._meta.get_field(field).blank


def shown_language(record, field, language=None):
    """The language ``record.field`` is shown in for ``language``: itself, the fallback, or None."""
    language = language or current_language()
    for candidate in [language, *[code for code in languages() if code != language]]:
        if getattr(record, column(field, candidate), None):
            return candidate
    return None


NAME_FIELDS = ("name", "title")


def text_language(record, field):
    """The language ``record.field`` is written in on this page: the proper name's own language
    (``name_language``), the language it fell back to, or None for a field not translated."""
    if field not in translated_fields(type(record)):
        return None
    if field in NAME_FIELDS and getattr(record, "name_language", ""):
        return record.name_language
    return shown_language(record, field)


def fallback_fields(record, language=None):
    """The fields ``record`` shows in another language than ``language``, for lack of a translation."""
    language = language or current_language()
    return [
        field
        for field in translated_fields(type(record))
        if not getattr(record, column(field, language), None) and shown_language(record, field, language)
    ]


def missing_translations(record):
    """``[(field, language), …]``: the texts that exist in one language and not in the other,
    and the required texts that exist in neither."""
    missing = []
    for field in translated_fields(type(record)):
        present = {language for language in languages() if getattr(record, column(field, language), None)}
        if present or is_required(type(record), field):
            missing += [(field, language) for language in languages() if language not in present]
    return missing


def untranslated(model):
    """A filter: ``model``'s records with a missing translation, by the rule of ``missing_translations``."""
    condition = Q(pk__in=[])
    for field in translated_fields(model):
        empty = [
            Q(**{f"{column(field, language)}__isnull": True}) | Q(**{column(field, language): ""})
            for language in languages()
        ]
        some_empty = reduce(or_, empty)
        condition |= some_empty if is_required(model, field) else some_empty & ~reduce(and_, empty)
    return condition


def describe_missing(model, missing):
    """``[(field, language), …]`` for an editor: "summary (English), story (Italian)"."""
    return ", ".join(
        f"{model._meta.get_field(field).verbose_name} ({get_language_info(language)['name_translated']})"
        for field, language in missing
    )


def register_history(*models, **options):
    """Record the history of ``models`` (django-simple-history), their translated columns included.

    Called from each app's ``translation.py``, after modeltranslation has added the columns.
    """
    for model in models:
        register(model, **options)
