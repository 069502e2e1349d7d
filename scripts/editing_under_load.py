"""Visitors unhurt by editors (`make edit-load`): `make serve` with 64 visitors browsing 50 pages
in both languages, first alone, then while an editor saves through the admin every 5 s.

Each save changes the content version, so every page cached by nginx and by the portal is stale at
once: nginx goes on answering with its stale copy while one request refreshes each page in the
background (proxy_cache_use_stale updating, proxy_cache_background_update). Reported: requests/s,
p50 and p99 of both runs, errors, how nginx answered (X-Cache-Status), and after the last save how
long a new visitor waited to see it (the bound: DJANGO_HTTP_MAX_AGE, 5 s).

  python scripts/editing_under_load.py [--duration 30] [--connections 64] [--port 8140]

Its own SQLite database in .local/edit-load/ (migrated, the document facts loaded, an editor made),
so the developer's is not touched. Exits non-zero on any error, or a p99 with saves over 3 times
the p99 without.
"""

import http.cookiejar
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.page_types import PAGES_IN_BOTH_LANGUAGES
from scripts.serving import ROOT, FormFields, fetch, load_arguments, run_wrk, seconds, served

WORK = ROOT / ".local" / "edit-load"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
EDITOR, PASSWORD = "edit-load-editor", "edit-load-password-0123"
SAVE_EVERY = 5  # seconds
HTTP_MAX_AGE = 5
# wrk: each connection walks the pages in turn; every response's status and X-Cache-Status counted.
WRK_SCRIPT = """
paths = {%s}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) n = math.random(#paths); statuses = {}; answers = {} end
function request() n = n %% #paths + 1; return wrk.format("GET", paths[n]) end
function response(status, headers, body)
  statuses[tostring(status)] = (statuses[tostring(status)] or 0) + 1
  local answer = headers["X-Cache-Status"] or "none"
  answers[answer] = (answers[answer] or 0) + 1
end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("statuses")) do io.write("status ", key, " ", count, "\\n") end
    for key, count in pairs(thread:get("answers")) do io.write("cache ", key, " ", count, "\\n") end
  end
end
"""


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def prepare(env):
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "portal.sqlite3").unlink(missing_ok=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_portal_data")
    manage(env, "createsuperuser", "--noinput", "--username", EDITOR, "--email", "editor@example.org")


def pages(base_url, count=50):
    """The first ``count`` page types, alternating the languages, that answer 200."""
    return [path for path in PAGES_IN_BOTH_LANGUAGES.values() if fetch(base_url + path)[0] == 200][:count]


class Editor:
    """An editor in the admin, through nginx: logs in once, then changes a page's title each save."""

    def __init__(self, base_url):
        self.base_url = base_url
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.saves, self.errors, self.page_id = [], 0, None
        self.last_title, self.last_saved_at = None, None

    def submit(self, path, form_id, changes):
        with self.opener.open(self.base_url + path, timeout=20) as page:
            fields = FormFields.of(page.read().decode(), form_id)
        body = urllib.parse.urlencode({**fields, **changes}).encode()
        with self.opener.open(self.base_url + path, data=body, timeout=20) as answer:
            return answer.status, answer.geturl()

    def log_in(self):
        status, landed = self.submit(
            "/admin/login/?next=/admin/", "login-form", {"username": EDITOR, "password": PASSWORD}
        )
        if status != 200 or "/login/" in landed:
            raise RuntimeError("the editor could not log in")

    def save(self):
        title = f"Legal notes {time.time_ns()}"
        started = time.monotonic()
        try:
            status, landed = self.submit(
                f"/admin/site/infopage/{self.page_id}/change/", "infopage_form", {"title_en": title, "_save": ""}
            )
        except OSError:
            status, landed = 0, ""
        if status != 200 or "/change/" in landed:  # a saved form goes back to the list
            self.errors += 1
        else:
            self.saves.append(time.monotonic() - started)
            self.last_title, self.last_saved_at = title, time.monotonic()

    def keep_saving(self, until):
        while time.monotonic() < until - SAVE_EVERY / 2:
            self.save()
            time.sleep(SAVE_EVERY)


def answers(output):
    """What the wrk script printed: {"status": {...}, "cache": {...}}, summed over threads."""
    counted = {"status": {}, "cache": {}}
    for line in output.splitlines():
        kind, _, rest = line.partition(" ")
        if kind in counted:
            key, count = rest.rsplit(" ", 1)
            counted[kind][key] = counted[kind].get(key, 0) + int(count)
    return counted


def browse(base_url, paths, duration, connections, script):
    result = run_wrk(base_url + paths[0], duration, connections, script=script, with_output=True)
    return {**{key: value for key, value in result.items() if key != "output"}, **answers(result["output"])}


def main():
    args = load_arguments(port=8140)

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{WORK / 'portal.sqlite3'}",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "DJANGO_HTTP_MAX_AGE": str(HTTP_MAX_AGE),
        "DJANGO_CONTENT_VERSION_FILE": str(WORK / "content-version"),
        "DJANGO_MEDIA_ROOT": str(WORK / "media"),
    }
    prepare(env)
    report = {}
    with served(args.port, extra_env=env, log_path=WORK / "serve.log") as base_url:
        paths = pages(base_url)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT % ", ".join(json.dumps(path) for path in paths))
        for path in paths:  # every page in nginx's cache and the portal's, as after a quiet hour
            fetch(base_url + path)
        report["pages"] = len(paths)
        report["without saves"] = browse(base_url, paths, args.duration, args.connections, script.name)

        editor = Editor(base_url)
        editor.log_in()
        editor.page_id = info_page_id(env)
        saving = threading.Thread(target=editor.keep_saving, args=(time.monotonic() + args.duration,))
        saving.start()
        report["with a save every 5 s"] = browse(base_url, paths, args.duration, args.connections, script.name)
        saving.join()
        report["saves"] = len(editor.saves)
        report["failed saves"] = editor.errors
        report["a save took, s (longest)"] = round(max(editor.saves, default=0), 2)
        fetch(base_url + "/en/info/legal-notes/")  # a visitor holds the page; then one more save
        editor.save()
        while editor.last_title and editor.last_title not in fetch(base_url + "/en/info/legal-notes/")[1].decode():
            if time.monotonic() - editor.last_saved_at > 3 * HTTP_MAX_AGE:
                break
            time.sleep(0.1)
        if editor.last_saved_at:
            seen = round(time.monotonic() - editor.last_saved_at, 2)
            report["a save seen by a new visitor through nginx after, s (bound 5)"] = seen
        Path(script.name).unlink()

    quiet, busy = report["without saves"], report["with a save every 5 s"]
    report["p99 with saves / without"] = round(seconds(busy["p99"]) / seconds(quiet["p99"]), 2)
    print(json.dumps(report, indent=2))
    (WORK / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    errors = sum(run["non_2xx"] + run["socket_errors"] for run in (quiet, busy)) + report["failed saves"]
    sys.exit(1 if errors or report["p99 with saves / without"] > 3 or not report["saves"] else 0)


def info_page_id(env):
    """The legal notes' primary key, as the admin's address needs it."""
    code = "from portal.site.models import InfoPage; print(InfoPage.objects.get(kind='legal-notes').pk)"
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
