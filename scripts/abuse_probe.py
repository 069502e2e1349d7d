"""Abuse proof: what one client can do to everybody else, measured against `make serve`.

Usage: python scripts/abuse_probe.py [--port 8140] [--duration 10]

Measures, in one run: a lockout attempt through a forged X-Forwarded-For; a flood of logins with
new usernames and what it does to other visitors; the page cache with a bogus session cookie and
with unique query strings; a forged Host on a cached page; conditional GETs from the future on
pages that do not exist; and the database file moved away and restored. Results in
docs/reliability.md. Needs wrk (the Makefile installs it).
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.serving import ROOT, fetch, run_wrk, served

ADMIN_USER, ADMIN_PASSWORD = "probe-admin", "a long probe password 2026"
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def request(url, method="GET", headers=None, data=None, opener=None):
    req = urllib.request.Request(
        url, method=method, data=data, headers={"User-Agent": "abuse-probe", **(headers or {})}
    )
    try:
        with (opener or urllib.request.build_opener()).open(req, timeout=15) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login_session(base_url):
    """A cookie jar and CSRF token from the login page, as a browser would have them."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    request(f"{base_url}/admin/login/", opener=opener)
    token = next(cookie.value for cookie in jar if cookie.name.endswith("csrftoken"))
    return jar, opener, token


def login(base_url, username, password, forwarded_for):
    _jar, opener, token = login_session(base_url)
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"}
    ).encode()
    status, _ = request(
        f"{base_url}/admin/login/", "POST", {"X-Forwarded-For": forwarded_for, "Referer": base_url + "/"}, data, opener
    )
    return status


def lockout_through_forwarded_for(base_url):
    statuses = [login(base_url, ADMIN_USER, "wrong", f"6.6.6.{n}, 203.0.113.66") for n in range(6)]
    right_elsewhere = login(base_url, ADMIN_USER, ADMIN_PASSWORD, "192.0.2.10")
    print(f"6. lockout: attacker's 6 wrong passwords -> {statuses}; right password from elsewhere -> {right_elsewhere}")


LOGIN_FLOOD_LUA = """
counter = 0
request = function()
  counter = counter + 1
  local user = "flood" .. counter .. "x" .. math.random(1000000000)
  local body = "csrfmiddlewaretoken=%(token)s&username=" .. user .. "&password=wrong"
  return wrk.format("POST", "/admin/login/", {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "%(cookie)s", ["X-Forwarded-For"] = "203.0.113.77"}, body)
end
"""

UNIQUE_QUERY_LUA = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/?x=" .. counter .. "-" .. math.random(1000000000))
end
"""


def lua_file(text):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(text)
    return handle.name


def wrk(url, duration, connections, script=None, headers=()):
    return run_wrk(url, duration, connections, headers=headers, script=script)


def login_flood(base_url, duration):
    """8 connections posting logins with new usernames from one address, for 3 x duration."""
    jar, _opener, token = login_session(base_url)
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    script = lua_file(LOGIN_FLOOD_LUA % {"token": token, "cookie": cookie})
    quiet = wrk(base_url + "/it/", duration, 4)
    flood = subprocess.Popen(
        ["wrk", "-t2", "-c8", f"-d{3 * duration + 2}s", "-s", script, base_url + "/admin/login/"],
        stdout=subprocess.PIPE,
        text=True,
    )
    time.sleep(1)
    early = wrk(base_url + "/it/", duration, 4)
    time.sleep(duration)
    late = wrk(base_url + "/it/", duration, 4)
    out, _ = flood.communicate()
    flood_rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    rejected = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    print(
        f"7. login flood (8 connections, new usernames, one address, {3 * duration} s): {flood_rps:.0f} POST/s, "
        f"{rejected.group(1) if rejected else 0} of {total} refused. Cached home with 4 other connections: "
        f"{quiet['rps']:.0f} req/s p50 {quiet['p50']} p99 {quiet['p99']} without the flood; "
        f"{early['rps']:.0f} req/s p50 {early['p50']} p99 {early['p99']} in its first {duration} s; "
        f"{late['rps']:.0f} req/s p50 {late['p50']} p99 {late['p99']} in its last {duration} s"
    )
    os.unlink(script)


def cache_probes(base_url, duration):
    fetch(base_url + "/it/")
    plain = wrk(base_url + "/it/", duration, 16)
    bogus = wrk(base_url + "/it/", duration, 16, headers=["Cookie: sessionid=x"])
    print(f"8. home, 16 connections: {plain['rps']:.0f} req/s plain; {bogus['rps']:.0f} req/s with Cookie: sessionid=x")
    script = lua_file(UNIQUE_QUERY_LUA)
    unique = wrk(base_url + "/it/", duration, 16, script=script)
    os.unlink(script)
    print(f"9. home with a unique query string per request: {unique['rps']:.0f} req/s (p99 {unique['p99']})")
    fetch(base_url + "/it/")  # cached again (the unique query strings may have evicted it)
    status, _ = request(base_url + "/it/", headers={"Host": "evil.example"})
    print(f"10. cached home with Host: evil.example -> {status}")
    future = {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
    missing, _ = request(base_url + "/it/no-such-page/", headers=future)
    invalid, _ = request(base_url + "/it/agreements/?year_from=abc", headers=future)
    print(f"11. If-Modified-Since in 2100: /no-such-page/ -> {missing}, /agreements/?year_from=abc -> {invalid}")


UNCACHED_PAGES = [
    f"/it/partners/{slug}/" for slug in ("seoul", "seongnam", "nagoya", "hamamatsu", "itabashi", "gujarat")
]


def database_moved_away(base_url, connection_age):
    """Move the SQLite file away until the workers' connections renew, then put it back."""
    database = ROOT / "db.sqlite3"
    aside = ROOT / "db.sqlite3.aside"
    shutil.move(database, aside)
    time.sleep(connection_age + 2)  # persistent connections still hold the old file until they age out
    health = [fetch(base_url + "/healthz/")[0] for _ in range(4)]
    page, _ = fetch(base_url + UNCACHED_PAGES[0])
    created = database.stat().st_size if database.exists() else None
    print(
        f"14. database file moved away ({connection_age + 2} s later): /healthz/ -> {health}, "
        f"{UNCACHED_PAGES[0]} -> {page}, file created at run time: "
        f"{'yes, ' + str(created) + ' bytes' if created is not None else 'no'}"
    )
    shutil.move(aside, database)  # the operator restores the real file (over any empty one)
    started = time.monotonic()
    pages = iter(UNCACHED_PAGES[1:] * 100)
    health = page = None
    while time.monotonic() - started < connection_age + 30:
        health = [fetch(base_url + "/healthz/")[0] for _ in range(4)]
        page, _ = fetch(base_url + next(pages))
        if page == 200 and set(health) == {200}:
            break
        time.sleep(0.5)
    print(
        f"    restored: /healthz/ -> {health}, a page -> {page}, {time.monotonic() - started:.1f} s after the restore"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8140)
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    subprocess.run(["make", "--no-print-directory", "data"], cwd=ROOT, check=True, capture_output=True)
    code = (
        "from django.contrib.auth.models import User; from axes.models import AccessAttempt; "
        f"User.objects.filter(username={ADMIN_USER!r}).delete(); "
        f"User.objects.create_superuser({ADMIN_USER!r}, password={ADMIN_PASSWORD!r}); "
        "AccessAttempt.objects.all().delete()"
    )
    subprocess.run([PYTHON, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, check=True)
    # As behind a load balancer in front of nginx: the balancer appends the client's address, nginx
    # appends the balancer's (here 127.0.0.1), so the portal counts two proxies. The edge's own
    # login limit (tests/deploy) is loosened here so that the portal's protections are measured.
    env = {"DJANGO_PROXY_COUNT": "2", "SERVE_ARGS": "--login-rate 6000r/m --login-burst 1000"}
    with served(args.port, extra_env=env) as base_url:
        lockout_through_forwarded_for(base_url)
        login_flood(base_url, args.duration)
        cache_probes(base_url, args.duration)
        database_moved_away(base_url, connection_age=60)
    subprocess.run([PYTHON, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
