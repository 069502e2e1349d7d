"""The settings the test suite runs on: the portal's own (``portal/settings.py``), and what a test
run needs besides. Tests that check the production settings start ``manage.py`` in a process of
its own, with ``portal.settings`` and the environment they choose (tests/site/test_production.py).
"""

import tempfile
from pathlib import Path

from portal.settings import *  # noqa: F403

# Hashing a password as production does costs a third of a second; the suite logs in hundreds of
# times. What the hashing protects is tested through the settings, not through the hash's cost.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The page cache's marker is the test run's own, not the developer's server's (.local/): each
# test process (each pytest-xdist worker) gets one, so no test sees another process's saves.
PORTAL_CONTENT_VERSION_FILE = str(Path(tempfile.mkdtemp(prefix="portal-tests-")) / "content-version")

if DATABASES["default"]["ENGINE"] == "portal.core.sqlite_backend":  # noqa: F405
    # In memory, as Django's own SQLite backend tests by default (pytest-django does not recognise
    # the portal's backend as SQLite, and would otherwise name a file per pytest-xdist worker).
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}  # noqa: F405
