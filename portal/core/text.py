"""Editors' long texts: Markdown rendered to HTML, then sanitised.

Sanitising happens at render time, every time, because fixtures and the loader write texts
without going through a form: whichever way a text came in, no script, event handler or
``javascript:`` link can reach a page. The result depends only on the text, so it is memoised;
building a Markdown parser costs more than converting a paragraph, so each thread keeps one.
"""

import re
import threading
from functools import lru_cache

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_local = threading.local()


def _parser():
    if not hasattr(_local, "parser"):
        _local.parser = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return _local.parser


@lru_cache(maxsize=4096)
def render_markdown(text):
    parser = _parser()
    html = parser.reset().convert(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(text):
    """An editor's text without its formatting: what a feed, a download or a search snippet shows."""
    return strip_tags(render_markdown(text)).strip()


# Labels editors read in the admin, the same for every model (they are not developers: no
# "slug", no "Markdown").
SLUG_LABEL = _("address of the page")
SLUG_HELP = _(
    "The end of the page's web address, filled in from the title: lower-case letters, digits and hyphens. "
    "Changing it changes the address of the page."
)
FORMATTING_HELP = _(
    "Paragraphs are separated by a blank line. **Bold**, *italic*, [a link](https://…) and lists whose lines "
    "start with “- ” are shown as such."
)


# C0 control characters other than tab, line feed and carriage return, and DEL: invisible, they
# break what others read (an Atom feed refuses them, so do spreadsheets). Word pastes a vertical
# tab for Shift+Enter, and a form feed for a page break.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PASTED_LINE_BREAKS = re.compile(r"[\x0b\x0c]")
CONTROL_CHARACTER_MESSAGE = _(
    "This text contains an invisible control character (%(code)s) at character %(position)d, "
    "which feeds and spreadsheets cannot read: remove it."
)


def printable(text, multiline=True):
    """The text without invisible control characters: a pasted line break (vertical tab, form
    feed) becomes a line break in a long text and a space in a one-line one; the others go."""
    if not text or not CONTROL_CHARACTERS.search(text):
        return text
    return CONTROL_CHARACTERS.sub("", PASTED_LINE_BREAKS.sub("\n" if multiline else " ", text))


class PrintableText(models.Model):
    """A record whose texts hold no invisible control character: the forms remove them as an
    editor pastes them (``PrintableTextForm``); whatever else writes a record (the fixture
    loader, which validates every record) is refused with the field and the position."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.error_dict
        for field in self._meta.concrete_fields:
            if field.generated or field.name in (exclude or ()):
                continue
            value = getattr(self, field.attname)
            if not isinstance(value, str):
                continue
            found = CONTROL_CHARACTERS.search(value)
            if found:
                params = {"code": f"U+{ord(found.group()):04X}", "position": found.start() + 1}
                message = ValidationError(CONTROL_CHARACTER_MESSAGE, code="control_character", params=params)
                errors.setdefault(field.name, []).append(message)
        if errors:
            raise ValidationError(errors)
