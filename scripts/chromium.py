"""Debian's Chromium as the browser tests and the design scripts launch it (Playwright cannot
download its own browser here). No Django: scripts import it without settings."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
