from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.core import dates
from portal.core.text import render_markdown
from portal.core.translation import current_language, fallback_fields, text_language

register = template.Library()


@register.filter(name="long_date")
def long_date_filter(day):
    """A day in full: «28 marzo 2021», «1º febbraio 2019» (portal.core.dates.long_date)."""
    return dates.long_date(day) if day else ""


@register.filter(name="long_datetime")
def long_datetime_filter(moment):
    """A moment in full, for the admin's history: «giovedì 3 dicembre 2026, 15:44»."""
    return dates.long_datetime(moment) if moment else ""


@register.filter(name="markdown")
def markdown_filter(text):
    """Render an editor's Markdown to sanitised HTML."""
    return mark_safe(render_markdown(text))


@register.filter
def verbose_name(record):
    """The model's name for a record, 'partner' or 'agreement', to label mixed lists."""
    return record._meta.verbose_name


@register.filter
def record_type(record):
    """The model of a record, "agreement" or "milestone", for lists that mix them (a page's story)."""
    return record._meta.model_name


@register.simple_tag
def name_phrase(record, preposition=""):
    """A record's name with its article, after a preposition ("of", "by", "in", "about", "with"), as the
    page's language writes it: ``{% name_phrase country "in" as in_name %}`` is «nella Repubblica di Corea»."""
    return record.name_phrase(preposition)


@register.simple_tag
def name_prefix(record, preposition=""):
    """What goes before a name written as a link: ``{% name_prefix party "by" %}<a>…`` is «dalla »."""
    return record.name_prefix(preposition)


@register.simple_tag
def partial_date(record):
    """A record's date as precisely as known: ``<time>`` with the ISO date, or the source's words.

    A tag, not an include: it is on every card and timeline row, and an include costs ten times more.
    """
    if record.date_iso:
        return format_html('<time datetime="{}">{}</time>', record.date_iso, record.date_display)
    return format_html('<span class="date-unknown">{}</span>', record.date_display)


@register.filter
def lang_attr(record, field):
    """`` lang="it"`` when ``record.field`` is in another language than the page, else nothing.

    A proper name kept in its language, or a text shown in the other language for lack of a
    translation: ``<a href="…"{{ organisation|lang_attr:"name" }}>{{ organisation.name }}</a>``.
    """
    language = other_language(record, field)
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def other_language(record, field):
    """The language of ``record.field`` when it is not the page's ("it", "en"), else "": for an
    include that sets ``lang`` itself (``includes/note.html``)."""
    language = text_language(record, field)
    return language if language and language != current_language() else ""


@register.simple_tag
def untranslated_notice(*records, shown=False):
    """A visible notice on a page showing texts of ``records`` in the other language; ``shown``
    when the caller already knows it does (the timeline's rows are not records)."""
    language = current_language()
    if not shown and not any(record is not None and fallback_fields(record, language) for record in records):
        return ""
    return format_html(
        '<p class="notice notice-info" role="note">{}</p>',
        _("Some texts on this page are not yet available in English and are shown in Italian.")
        if language == "en"
        else _("Some texts on this page are not yet available in Italian and are shown in English."),
    )


@register.simple_tag
def icon(name, css_class=""):
    """A Bootstrap Italia icon from the sprite `make static` builds (static/build/icons.svg).

    Decorative: hidden from screen readers, so the link or button it sits in needs its own text.
    """
    classes = f"icon {css_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        classes,
        static("build/icons.svg"),
        name,
    )


@register.simple_tag(takes_context=True)
def citation_text(context, record):
    """How to cite a fact: what it says (a figure's value and year, a record's date), its source
    and section, the portal, its permanent address and the day it was consulted."""
    request = context.request
    if hasattr(record, "value_display"):  # a figure
        what = f"{record.label}: {record.value_display} ({record.period_display})"
    elif getattr(record, "date_is_corrected", False):  # the date is the editors', and says so
        when = _("%(date)s, a date the editors corrected from “%(correction)s”; the source says %(stated)s") % {
            "date": record.date_in_sentence,
            "correction": record.date_source.source.title,
            "stated": record.date_in_source,
        }
        what = f"{record.title} ({when})"
    else:
        what = f"{record.title} ({record.date_in_sentence})"
    section = record.source_section
    return _("%(what)s. Source: %(source)s, %(section)s. %(portal)s, %(url)s (consulted %(on_date)s).") % {
        "what": what,
        "source": section.source.title,
        "section": section.title,
        "portal": settings.PORTAL_NAME,
        "url": request.build_absolute_uri(record.get_absolute_url()),
        "on_date": dates.on_day(timezone.localdate()),
    }
