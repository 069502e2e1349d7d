from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.core.text import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render an editor's Markdown to sanitised HTML."""
    return mark_safe(render_markdown(text))


@register.filter
def verbose_name(record):
    """The model's name for a record, 'partner' or 'agreement', to label mixed lists."""
    return record._meta.verbose_name


@register.simple_tag
def partial_date(record):
    """A record's date as precisely as known: ``<time>`` with the ISO date, or the source's words.

    A tag, not an include: it is on every card and timeline row, and an include costs ten times more.
    """
    if record.date_iso:
        return format_html('<time datetime="{}">{}</time>', record.date_iso, record.date_display)
    return format_html('<span class="date-unknown">{}</span>', record.date_display)
