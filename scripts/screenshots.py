"""Screenshots of every kind of public page, in both languages, at a phone's and a desktop's width.

    python scripts/screenshots.py http://127.0.0.1:8000 [output directory] [--widths 390,1280,320]

Writes one PNG per page, language and width (full page) and prints, for each, the header's
height and whether the page scrolls sideways: the figures the design is held to (a header and
menu under 160 px at 390 px, no sideways scrolling at 320 px). Uses Debian's Chromium.
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS
from scripts.page_types import PAGES_IN_BOTH_LANGUAGES


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("output", nargs="?", default="screenshots")
    parser.add_argument("--widths", default="390,1280")
    parser.add_argument("--only", default="", help="page names containing this text")
    args = parser.parse_args()
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    widths = [int(width) for width in args.widths.split(",")]
    failures = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in PAGES_IN_BOTH_LANGUAGES.items():
                if args.only not in name:
                    continue
                page.goto(args.base_url.rstrip("/") + path)
                header = page.eval_on_selector(
                    "header.it-header-wrapper", "element => element.getBoundingClientRect().height"
                )
                sideways = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
                failures += sideways
                file = output / f"{width}-{name.replace(' ', '-').replace('(', '').replace(')', '')}.png"
                page.screenshot(path=file, full_page=True)
                print(f"{width:>5} px  header {header:5.0f} px  {'SCROLLS SIDEWAYS' if sideways else 'fits'}  {name}")
            page.close()
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
