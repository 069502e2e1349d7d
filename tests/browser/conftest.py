"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

import os

import pytest

from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS
from tests.conftest import load_seed

# Playwright runs an event loop in the test thread; the ORM calls of the fixtures are safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def seeded_live_server(live_server):
    """The live server with the document facts loaded (its database is flushed after each test)."""
    load_seed()
    return live_server
