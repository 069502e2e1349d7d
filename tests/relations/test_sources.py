"""A source's page says what is known about the document: publisher, language, dates, address,
licence — and "not stated" for what is not, never a guess."""

import datetime

import pytest
from django.utils import translation

from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def metadata(client, source, language="en"):
    with translation.override(language):
        content = client.get(source.get_absolute_url()).content.decode()
    block = content.split('<dl class="facts source-metadata">', 1)[1].split("</dl>", 1)[0]
    return dict(
        zip(
            [part.split("</dt>", 1)[0] for part in block.split("<dt>")[1:]],
            [part.split("</dd>", 1)[0] for part in block.split("<dd>")[1:]],
            strict=True,
        )
    )


def test_what_the_document_does_not_state_is_said_so(client):
    source = SourceFactory(slug="memo", document_language="en")
    assert metadata(client, source) == {
        "Publisher": "not stated",
        "Language": "English",
        "Date of the document": "not stated",
        "Retrieved": "not stated",
        "Where to read it": "not stated",
        "Licence": "not stated",
    }
    assert metadata(client, source, "it")["Editore"] == "non indicato"


def test_what_is_known_is_shown(client):
    source = SourceFactory(
        slug="press-release",
        publisher="Regione Emilia-Romagna",
        document_language="it",
        document_date=datetime.date(2021, 3, 28),
        retrieved_on=datetime.date(2021, 4, 2),
        url="https://example.org/press",
        licence="CC BY 4.0",
    )
    shown = metadata(client, source)
    assert shown["Publisher"] == "Regione Emilia-Romagna"
    assert shown["Language"] == "Italian"
    assert shown["Date of the document"] == '<time datetime="2021-03-28">28 March 2021</time>'
    assert shown["Retrieved"] == '<time datetime="2021-04-02">2 April 2021</time>'
    assert shown["Where to read it"] == '<a href="https://example.org/press">https://example.org/press</a>'
    assert shown["Licence"] == "CC BY 4.0"
