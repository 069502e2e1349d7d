from django import template
from django.utils.safestring import mark_safe

from portal.text import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render an editor's Markdown to sanitised HTML."""
    return mark_safe(render_markdown(text))


@register.filter
def verbose_name(record):
    """The model's name for a record, 'partner' or 'agreement', to label mixed lists."""
    return record._meta.verbose_name
