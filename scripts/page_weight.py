"""The weight of each kind of page: its CSS, JavaScript and fonts, compressed as served.

    python scripts/page_weight.py http://127.0.0.1:8000

Chromium loads every page type (scripts/page_types.py) in both languages and records the stylesheets,
scripts and fonts it fetched; each is counted at its gzip size (fonts: woff2 is compressed
already, counted as is), the HTML apart. The budget (issue 14) is the heaviest page's CSS + JS +
fonts under 200 KB compressed.
"""

import argparse
import gzip
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS
from scripts.page_types import PAGES_IN_BOTH_LANGUAGES

KINDS = {"stylesheet": "css", "script": "js", "font": "fonts", "document": "html"}
BUDGET = 200 * 1024


def recorder(responses):
    """A response handler (Playwright wants a Python function, not a bound built-in method)."""

    def record(response):
        responses.append(response)

    return record


def compressed_size(body, kind):
    return len(body) if kind == "fonts" else len(gzip.compress(body, 9))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    args = parser.parse_args()
    heaviest = (0, "")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for name, path in PAGES_IN_BOTH_LANGUAGES.items():
            context = browser.new_context(viewport={"width": 390, "height": 900})  # no cache between pages
            page = context.new_page()
            sizes = dict.fromkeys(KINDS.values(), 0)
            responses = []
            page.on("response", recorder(responses))
            page.goto(args.base_url.rstrip("/") + path, wait_until="networkidle")
            for response in responses:
                kind = KINDS.get(response.request.resource_type)
                if kind:
                    sizes[kind] += compressed_size(response.body(), kind)
            assets = sizes["css"] + sizes["js"] + sizes["fonts"]
            heaviest = max(heaviest, (assets, name))
            print(
                f"{name:<36} CSS {sizes['css'] / 1024:6.1f} KB  JS {sizes['js'] / 1024:5.1f} KB  "
                f"fonts {sizes['fonts'] / 1024:5.1f} KB  = {assets / 1024:6.1f} KB"
                f"   (HTML {sizes['html'] / 1024:5.1f} KB)"
            )
            context.close()
        browser.close()
    verdict = "within" if heaviest[0] < BUDGET else "OVER"
    print(f"heaviest: {heaviest[1]}, {heaviest[0] / 1024:.1f} KB of CSS + JS + fonts ({verdict} the 200 KB budget)")
    return 0 if heaviest[0] < BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
