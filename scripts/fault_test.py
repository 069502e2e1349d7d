"""Fault proof: the database becomes read-only (SQLite) or stops (PostgreSQL); visitors get a
clean 503 page without a traceback, and the site recovers by itself when the database is back.

Usage:
  python scripts/fault_test.py sqlite                          # read-only database file
  scripts/with_postgres.sh python scripts/fault_test.py postgres  # database server stopped
"""

import http.cookiejar
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.serving import ROOT, fetch, served

PAGES = ["/it/", "/it/countries/china/", "/it/partners/chongqing/", "/it/agreements/?country=japan", "/it/timeline/"]
# The page cache would keep serving pages while the database is away; switch it off to test the database.
NO_PAGE_CACHE = {"DJANGO_PAGE_CACHE": "false"}


def statuses(base_url, paths=PAGES):
    results = {}
    for path in paths:
        status, body = fetch(base_url + path)
        text = body.decode("utf-8", "replace")
        results[path] = status
        if status >= 500:
            assert "temporarily unavailable" in text, f"{path}: {status} without the 503 page"
            assert "Traceback" not in text and "OperationalError" not in text, f"{path}: leaks internals"
    return results


def login_attempt(base_url):
    """A failed admin login: a POST that writes to the database (django-axes records it)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    try:
        with opener.open(f"{base_url}/admin/login/", timeout=10) as response:
            response.read()
        token = next(cookie.value for cookie in jar if cookie.name.endswith("csrftoken"))
        data = urllib.parse.urlencode(
            {"username": "nobody-here", "password": "wrong", "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(f"{base_url}/admin/login/", data=data, headers={"Referer": base_url + "/"})
        with opener.open(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        assert "Traceback" not in body
        return error.code


def wait_for(check, timeout=30):
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    while time.monotonic() < deadline:
        if check():
            return time.monotonic() - started
        time.sleep(0.5)
    raise AssertionError("the site did not recover")


def report(label, results):
    print(f"  {label}: " + ", ".join(f"{path} {status}" for path, status in results.items()))


def sqlite_read_only(port):
    work = Path(tempfile.mkdtemp(prefix="portal-fault-"))
    database = work / "portal.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", **NO_PAGE_CACHE}
    subprocess.run(["make", "--no-print-directory", "data"], cwd=ROOT, env=env, check=True, capture_output=True)

    # The server runs as root, which file modes do not stop; the immutable attribute does.
    def immutable(flag):
        targets = [str(path) for path in work.iterdir()] + [str(work)]
        subprocess.run(["chattr", flag, *targets], check=True)

    print("SQLite: database files made read-only (chattr +i) under a running `make serve`")
    try:
        with served(port, env) as base_url:
            report("normal", statuses(base_url))
            print(f"  normal: login POST {login_attempt(base_url)}")
            immutable("+i")
            report("read-only, reads", statuses(base_url))
            write_status = login_attempt(base_url)
            print(f"  read-only: login POST {write_status}")
            assert write_status == 503
            immutable("-i")
            seconds = wait_for(lambda: login_attempt(base_url) == 200 and set(statuses(base_url).values()) == {200})
            print(f"  writable again: recovered after {seconds:.1f} s without a restart")
    finally:
        subprocess.run(["chattr", "-R", "-i", str(work)], check=False)
        shutil.rmtree(work, ignore_errors=True)


def postgres_stopped(port):
    env = {**os.environ, **NO_PAGE_CACHE}
    print(f"PostgreSQL: the server stopped and started again under a running `make serve` ({env['DATABASE_URL']})")
    with served(port, env) as base_url:
        report("normal", statuses(base_url))
        subprocess.run(os.environ["PORTAL_PG_STOP"], shell=True, check=True, capture_output=True)
        down = statuses(base_url)
        report("server stopped", down)
        assert set(down.values()) == {503}, down
        subprocess.run(os.environ["PORTAL_PG_START"], shell=True, check=True, capture_output=True)
        seconds = wait_for(lambda: set(statuses(base_url).values()) == {200})
        print(f"  server started again: recovered after {seconds:.1f} s without a restart")


if __name__ == "__main__":
    scenario = sys.argv[1] if len(sys.argv) > 1 else "sqlite"
    if scenario == "sqlite":
        sqlite_read_only(8132)
    elif scenario == "postgres":
        postgres_stopped(8133)
    else:
        sys.exit(f"unknown scenario {scenario!r}: use sqlite or postgres")
    print("fault test passed")
