"""Editors' Markdown is rendered to sanitised HTML, however the text came in."""

import pytest

from portal.core.text import render_markdown
from relations.models import Partner

XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](  javascript:alert(1) )",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '![x](x" onerror="alert(1))',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<form action="https://evil.example"><input name=a></form>',
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">x</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '<base href="javascript:alert(1)//">',
    "<<script>script>alert(1)<</script>/script>",
    '<a href="vbscript:msgbox(1)">x</a>',
    '"><script>alert(1)</script>',
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "ontoggle",
    "javascript:",
    "vbscript:",
    "<iframe",
    "<object",
    "<embed",
    "<form",
    "<style",
    "<meta",
    "<link",
    "<base",
    "<svg",
    "data:text/html",
]


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_no_script_handler_or_dangerous_link_survives(vector):
    html = render_markdown(f"Before {vector} after").lower()
    for forbidden in FORBIDDEN:
        assert forbidden not in html, (vector, html)


def test_ordinary_markdown_still_renders():
    html = render_markdown("Some **bold**, a [link](https://example.org) and\n\n- a list")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">link</a>' in html
    assert "<li>a list</li>" in html


@pytest.mark.django_db
def test_text_written_without_a_form_is_sanitised_on_the_page(client, places):
    """Fixtures and the loader bypass forms; sanitising happens when the page is rendered."""
    Partner.objects.filter(slug="nagoya").update(story='Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>')
    page = client.get("/en/partners/nagoya/").content.decode()
    assert "Hello" in page
    assert "onerror" not in page
    assert "<script>alert(2)" not in page
