"""Downloads of every list (issue 15): CSV and JSON with the visitor's filters, data columns with
sources, one file per language, described by a Frictionless Data package that validates."""

import csv
import io
import json

import frictionless
import pytest

from tests.factories import FigureFactory, MilestoneFactory, OrganisationFactory, SignatoryFactory

pytestmark = pytest.mark.django_db


def rows(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_a_filtered_download_has_exactly_the_records_the_list_shows(client, places):
    for query in ["?country=china", "?country=japan&domain=music", "?year_from=2000", ""]:
        page = client.get(f"/en/agreements/{query}")
        shown = [agreement.slug for agreement in page.context["agreements"]]
        assert [row["id"] for row in rows(client, f"/en/data/agreements.csv{query}")] == shown, query
        as_json = json.loads(client.get(f"/en/data/agreements.json{query}").content)
        assert [row["id"] for row in as_json] == shown, query


def test_the_list_page_links_its_download_with_its_filters(client, places):
    content = client.get("/en/agreements/?country=japan&page=1").content.decode()
    assert "Download this agreement:" in content
    assert '<a href="/en/data/agreements.csv?country=japan" type="text/csv">CSV</a>' in content
    assert '<a href="/en/data/agreements.json?country=japan" type="application/json">JSON</a>' in content


def test_columns_are_data_with_the_source(client, places):
    bologna = OrganisationFactory(slug="municipality-of-bologna")
    SignatoryFactory(agreement=places.nagoya_agreement, organisation=bologna)
    places.nagoya_agreement.date_month = 11
    places.nagoya_agreement.note = "The source gives the month."
    places.nagoya_agreement.save()
    (row,) = rows(client, "/en/data/agreements.csv?country=japan")
    assert row["id"] == "agreement-with-nagoya"
    assert row["url"] == "http://testserver/en/agreements/agreement-with-nagoya/"
    assert (row["date"], row["date_precision"]) == ("2015-11", "month")
    assert row["partners"] == "nagoya" and row["domains"] == "music"
    assert row["signatories"] == "european:municipality-of-bologna"
    assert row["source"] and row["section"] and row["editor_note"] == "The source gives the month."
    assert row["licence"] == "Creative Commons Attribution 4.0 International (CC BY 4.0)"


def test_each_language_has_its_texts_and_the_same_identifiers(client, places):
    places.chongqing_agreement.title_it = "Accordo con Chongqing"
    places.chongqing_agreement.save()
    italian = {row["id"]: row for row in rows(client, "/it/data/agreements.csv")}
    english = {row["id"]: row for row in rows(client, "/en/data/agreements.csv")}
    assert italian.keys() == english.keys()
    assert italian["agreement-with-chongqing"]["title"] == "Accordo con Chongqing"
    assert english["agreement-with-chongqing"]["title"] == "Agreement with Chongqing"
    assert italian["agreement-with-chongqing"]["url"] == "http://testserver/it/agreements/agreement-with-chongqing/"


def test_figures_carry_value_unit_year_and_flow(client, places):
    FigureFactory(
        slug="exports-to-japan",
        value=916_000_000,
        unit="currency-not-stated",
        flow="export",
        country=places.japan,
        end_year=2015,
        qualifier="",
    )
    (row,) = [row for row in json.loads(client.get("/en/data/figures.json").content) if row["id"] == "exports-to-japan"]
    assert (row["value"], row["unit"], row["reference_year"], row["flow"], row["country"]) == (
        916000000,
        "currency-not-stated",
        2015,
        "export",
        "japan",
    )
    assert row["year_not_stated"] is False and row["qualifier"] is None


def test_milestones_take_the_timelines_filters(client, places):
    MilestoneFactory(slug="old", countries=[places.china], date_year=1990)
    MilestoneFactory(slug="new", countries=[places.china], date_year=2021)
    MilestoneFactory(slug="elsewhere", countries=[places.japan], date_year=2021)
    assert [row["id"] for row in rows(client, "/en/data/milestones.csv?country=china&year_from=2000")] == ["new"]


def test_wrong_filters_download_nothing_and_say_why(client, places):
    response = client.get("/en/data/agreements.csv?year_from=abc")
    assert response.status_code == 400
    assert "year_from: Enter a whole number." in response.content.decode()
    assert client.get("/en/data/nothing.csv").status_code == 404
    assert client.get("/en/data/agreements.xlsx").status_code == 404


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_datapackage_describes_every_file_and_the_files_validate(client, places, tmp_path, language):
    FigureFactory(slug="share", value=14.6)
    MilestoneFactory(slug="visit", countries=[places.china], date_year=2012)
    OrganisationFactory(slug="bologna-fair")
    package = json.loads(client.get(f"/{language}/data/datapackage.json").content)
    assert package["language"] == language and package["licenses"][0]["path"].startswith("https://creativecommons")
    names = {resource["name"] for resource in package["resources"]}
    assert names == {
        f"{name}-{fmt}"
        for name in ["agreements", "partners", "milestones", "organisations", "figures"]
        for fmt in ["csv", "json"]
    }
    for resource in package["resources"]:  # the files as served, next to the descriptor
        url = resource["path"].removeprefix("http://testserver")
        local = tmp_path / f"{resource['name']}.{resource['format']}"
        local.write_bytes(client.get(url).content)
        resource["path"] = local.name
    descriptor = tmp_path / "datapackage.json"
    descriptor.write_text(json.dumps(package))
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])
