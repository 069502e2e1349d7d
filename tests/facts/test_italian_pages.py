"""Every Italian page of the seeded portal, read for the same mistakes as its strings (issue 22).

A page puts strings together: a label and its value («Durata: non indicata»), a phrase and a name
(«firmato dalla Regione»), a date and its article. tests/core/test_italian_text.py reads each
string alone; this reads what a visitor reads, every page of the sitemap in Italian.
"""

import re
from html import unescape

import pytest

from tests.core.test_italian_text import PATTERNS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]

# What a page composes, and so what only a page can get wrong.
PAGE_PATTERNS = [
    "«il» before a vowel (l')",
    "«un altro» before a placeholder or a feminine noun",
    "«non indicato» after a feminine label",
    "the first of a month without «º»",
    "«Regione» without its article after a preposition",
    "«il» or «i» before a number said with a vowel first",
    "«paesi» in lower case (the portal writes «Paesi»)",
]


def italian_pages(client):
    index = client.get("/sitemap.xml").content.decode()
    pages = []
    for section in re.findall(r"<loc>(.*?)</loc>", index):
        listing = client.get(section.removeprefix("http://testserver")).content.decode()
        pages += [url.removeprefix("http://testserver") for url in re.findall(r"<loc>(.*?)</loc>", listing)]
    return sorted({page for page in pages if page.startswith("/it/")})


def read(html):
    """What a visitor reads: no scripts or drawings; a term and its value as «term: value»."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</dt>\s*<dd[^>]*>", ": ", html)
    html = re.sub(r'</span>\s*<span class="life-text">', ": ", html)  # a step of an agreement's life
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return unescape(re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", words)))


def test_no_italian_page_trips_a_native_reader(client):
    pages = italian_pages(client)
    assert len(pages) > 50
    found = []
    for url in pages:
        text = read(client.get(url).content.decode())
        for name in PAGE_PATTERNS:
            for match in re.finditer(PATTERNS[name], text):
                found.append((url, name, text[max(0, match.start() - 40) : match.end() + 40]))
    assert not found, "\n".join(map(str, found))
