"""Editors' long texts: Markdown rendered to HTML, then sanitised.

Sanitising happens at render time, every time, because fixtures and the loader write texts
without going through a form: whichever way a text came in, no script, event handler or
``javascript:`` link can reach a page. The result depends only on the text, so it is memoised;
building a Markdown parser costs more than converting a paragraph, so each thread keeps one.
"""

import threading
from functools import lru_cache

import markdown
import nh3
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
