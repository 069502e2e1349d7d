"""Every seed fact shows on its subject's page, with its source, and is reachable from the home page."""

import html
import re
from urllib.parse import urldefrag, urlparse

import pytest
from django.urls import reverse
from django.utils import translation

from tests.addresses import address_in
from tests.facts.inventory import FACTS

pytestmark = pytest.mark.usefixtures("seed")  # these tests are about the documents' facts


def fact_pages():
    return [(fact, subject_page) for fact in FACTS for subject_page in fact.pages]


def url_of(subject_page):
    name, slug = subject_page
    language = translation.get_language()
    with translation.override("en"):
        english = reverse(name, kwargs={"slug": slug}) if slug else reverse(name)
    return address_in(language, english)


def visible_text(response):
    body = response.content.decode()
    return html.unescape(re.sub(r"<[^>]+>", " ", body)).replace("\xa0", " ")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize(
    ("fact", "subject_page"), fact_pages(), ids=[f"{f.id}-{p[1] or p[0]}" for f, p in fact_pages()]
)
def test_fact_shows_on_its_subjects_page_with_its_source(client, fact, subject_page, language):
    with translation.override(language):
        url = url_of(subject_page)
        source_link = reverse("portal:source-detail", kwargs={"slug": fact.document}) + f"#{fact.section}"
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    text = " ".join(visible_text(response).split())
    for snippet in fact.shows_it if language == "it" else fact.shows:
        assert snippet in text, f"{fact.id}: {snippet!r} missing on {url}"
    assert source_link in response.content.decode(), f"{fact.id}: no link to its source on {url}"


def internal_links(response):
    if not response["Content-Type"].startswith("text/html"):
        return  # a download (the XLSX is not text) or a feed links nowhere a visitor browses
    for href in re.findall(r'href="([^"]+)"', response.content.decode()):
        href = html.unescape(urldefrag(href)[0])
        parsed = urlparse(href)
        if parsed.netloc or not parsed.path.startswith("/en/"):
            continue
        if parsed.path.startswith(("/admin/", "/static/", "/media/", "/sitemap")):
            continue
        yield href


@pytest.mark.django_db
def test_every_fact_page_is_reachable_from_home_by_links(client):
    seen, queue = {"/en/"}, ["/en/"]
    while queue:
        url = queue.pop()
        response = client.get(url)
        assert response.status_code in (200, 400), url
        for link in internal_links(response):
            path = urlparse(link).path
            if "?" in link or path in seen:
                continue  # filtered lists are reachable through their unfiltered page
            seen.add(path)
            queue.append(path)
    missing = {url_of(subject_page) for _, subject_page in fact_pages()} - seen
    assert not missing
    assert {reverse("relations:partner-detail", kwargs={"slug": "binh-duong"}), "/en/countries/asean/"} <= seen
