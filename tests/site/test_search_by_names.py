"""A record is found by the names of what it belongs to (issue 24): «Cina» finds every Chinese
agreement, «Corea» the Korean ones, «Vietnam» the Binh Duong memorandum, in both languages."""

import pytest

from relations.models import Agreement
from tests.addresses import address_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed")]


def found(client, language, text, kind):
    response = client.get(address_in(language, "/search/"), {"q": text, "type": kind})
    assert response.status_code == 200
    return {result.record.slug for group in response.context["results"] for result in group["results"]}


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        ("it", "Cina", "china"),
        ("en", "China", "china"),
        ("it", "Corea", "republic-of-korea"),
        ("en", "Korea", "republic-of-korea"),
        ("it", "Vietnam", "vietnam"),
        ("it", "Giappone", "japan"),
    ],
)
def test_a_countrys_name_finds_every_agreement_of_that_country(client, language, text, country):
    expected = set(
        Agreement.objects.published().filter(partners__country__slug=country).values_list("slug", flat=True)
    ) | set(Agreement.objects.published().filter(countries__slug=country).values_list("slug", flat=True))
    assert expected and expected <= found(client, language, text, "agreement")


def test_a_partners_and_a_signatorys_name_find_their_records(client):
    assert "legacoop-namdo-jeollanam-do-memorandum-of-understanding" in found(client, "it", "Namdo", "agreement")
    assert "chambers-of-commerce-binh-duong-memorandum-of-understanding" in found(
        client, "en", "Binh Duong", "agreement"
    )
    assert "mayor-of-seoul-visits-bologna" in found(client, "it", "Seul", "milestone")


def test_a_misspelt_domain_gets_a_did_you_mean(client):
    response = client.get("/it/cerca/", {"q": "turismoo"})
    assert response.context["suggestion"] == "Turismo"
