"""In-process helpers for scripts/bench.py, run with the bench database's environment.

python scripts/bench_django.py queries '{"home": "/"}'   # SQL queries per page, as JSON
python scripts/bench_django.py session                   # a logged-in staff session key
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def bench_user():
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def queries(urls):
    anonymous, staff = Client(), Client()
    staff.force_login(bench_user())
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as captured:
            (staff if url.startswith("/admin/") else anonymous).get(url)
        counts[name] = len(captured)
    return counts


def session():
    user = bench_user()
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


if __name__ == "__main__":
    if sys.argv[1] == "queries":
        print(json.dumps(queries(json.loads(sys.argv[2]))))
    else:
        print(session())
