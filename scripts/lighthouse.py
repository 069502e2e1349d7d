"""Lighthouse's four scores (performance, accessibility, best practices, SEO) for the home page and a
country page, mobile profile, with Debian's Chromium.

    python scripts/lighthouse.py http://127.0.0.1:8000 [path ...]

Lighthouse comes from npm when this runs (``npm exec``, pinned below), not with ``npm ci``: it is
a measuring tool, not something the portal or its tests need. Run it against `make serve` (DEBUG
off, nginx, compressed and cached static files), as `make design-report` does.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

LIGHTHOUSE = "lighthouse@13.5.0"
PAGES = ["/it/", "/it/countries/china/", "/it/map/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def scores(url, attempts=3):
    """The four scores; Chromium under Lighthouse now and then fails to start: try again."""
    for attempt in range(1, attempts + 1):
        try:
            return _scores(url)
        except subprocess.CalledProcessError as error:
            if attempt == attempts:
                sys.stderr.write(error.stderr or "")
                raise


def _scores(url):
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        subprocess.run(
            [
                "npm",
                "exec",
                "--yes",
                LIGHTHOUSE,
                "--",
                url,
                "--chrome-path=/usr/bin/chromium",
                "--chrome-flags=--headless --no-sandbox --disable-gpu",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(report.read_text())
    assert result["configSettings"]["formFactor"] == "mobile"
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(base_url, *paths):
    for path in paths or PAGES:
        found = scores(base_url.rstrip("/") + path)
        print(f"{path:<28} " + "  ".join(f"{name} {score}" for name, score in found.items()))


if __name__ == "__main__":
    main(*sys.argv[1:])
