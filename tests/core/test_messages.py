"""The interface's Italian catalogue is complete, and Django's Italian is what the portal means."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("**/it/LC_MESSAGES/django.po"))


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=[str(path.parent.parent.parent.name) for path in CATALOGUES])
def test_every_string_has_its_italian_and_none_is_fuzzy(catalogue):
    for option in ("--untranslated", "--only-fuzzy"):
        found = subprocess.run(
            ["msgattrib", option, "--no-obsolete", str(catalogue)], capture_output=True, text=True, check=True
        ).stdout
        assert found == "", f"{catalogue}: {option.removeprefix('--')} entries:\n{found}"


def test_italian_month_names_are_lower_case_as_italian_writes_them():
    import datetime

    from django.utils.formats import date_format

    with translation.override("it"):
        assert date_format(datetime.date(2021, 3, 28), "DATE_FORMAT") == "28 marzo 2021"
        assert date_format(datetime.date(2015, 11, 1), "YEAR_MONTH_FORMAT") == "novembre 2015"
    with translation.override("en"):
        assert date_format(datetime.date(2021, 3, 28), "DATE_FORMAT") == "28 March 2021"
        assert date_format(datetime.date(2015, 11, 1), "YEAR_MONTH_FORMAT") == "November 2015"


def test_the_third_party_catalogue_gives_the_history_screens_their_italian():
    with translation.override("it"):
        assert translation.gettext("Revert") == "Ripristina"
        assert translation.gettext("Changed by") == "Modificata da"
