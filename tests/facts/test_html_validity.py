"""Every page shape is valid HTML for the W3C Nu HTML Checker (vnu, from npm), attributes escaped."""

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from relations.models import Source
from scripts.page_types import PAGES_IN_BOTH_LANGUAGES

pytestmark = pytest.mark.usefixtures("seed")  # these tests are about the documents' facts

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def meta_description(content):
    match = re.search(r'<meta name="description" content="([^"]*)">', content)
    return html.unescape(match.group(1)) if match else None


@pytest.mark.django_db
def test_quotes_and_markup_in_a_title_stay_inside_the_meta_description(client):
    Source.objects.filter(slug="business-and-asia").update(title='Business "& Asia"><img src=x onerror=alert(1)>')
    content = client.get("/en/sources/business-and-asia/").content.decode()
    assert "<img src=x" not in content
    assert meta_description(content) == (
        'Everything the portal took from the document "Business "& Asia"><img src=x onerror=alert(1)>", '
        "section by section."
    )


@pytest.mark.django_db
def test_every_page_shape_has_no_html_error(client, tmp_path):
    assert VNU.exists(), "vnu-jar is installed by the Makefile (npm ci)"
    files = []
    for name, url in PAGES_IN_BOTH_LANGUAGES.items():
        page = tmp_path / (re.sub(r"\W+", "-", name) + ".html")
        page.write_bytes(client.get(url).content)
        files.append(str(page))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == [], "\n".join(errors)
