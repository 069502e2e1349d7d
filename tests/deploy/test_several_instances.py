"""Several instances acting as one site: the README's "Running on several machines", proven.

Two gunicorn instances (two workers each) on one PostgreSQL database and one Redis, behind one
nginx rendered from deploy/nginx.conf.template with both as upstreams, media in one shared folder.
Redis is Debian's redis-server, started on a loopback port by this module (no persistence, as a
cache); PostgreSQL is the throwaway cluster of `make test-postgres` (scripts/with_postgres.sh,
which also says how to stop and start it). On SQLite the module is skipped: it is a proof for
PostgreSQL, which `make test-all` and CI run.

The timings measured on the way (a save reaching the other instance, recovery times, errors under
load) are written to .local/several-instances.json for the operator's documentation.
"""

import contextlib
import difflib
import http.client
import json
import os
import shutil
import signal
import subprocess
import threading
import time
from collections import Counter
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

from scripts.page_types import ITALIAN_PAGE_TYPES, PAGE_TYPES
from scripts.serving import FormFields, run_wrk

from .conftest import PYTHON, ROOT, free_port, pair_environment

DATABASE_URL = os.environ.get("DATABASE_URL", "")
pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(
        not DATABASE_URL.startswith("postgres") or "PORTAL_PG_STOP" not in os.environ,
        reason="several instances share PostgreSQL: run by make test-postgres (scripts/with_postgres.sh)",
    ),
]
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
HTTP_MAX_AGE = 5  # DJANGO_HTTP_MAX_AGE of the instances: nginx reuses a page this long
PASSWORD = "several-instances-0123"
FIGURES = {}
# A page of every type in both languages (the design report's list), and what machines read.
PAGES = [*PAGE_TYPES.values(), *ITALIAN_PAGE_TYPES.values(), "/sitemap.xml", "/en/feeds/changes.atom", "/en/data/"]


def database_url(name):
    return urlunsplit(urlsplit(DATABASE_URL)._replace(path=f"/{name}"))


def sql(statement, name=None):
    """One statement on the cluster (autocommit), as the portal's role; the rows it returns."""
    import psycopg

    with psycopg.connect(database_url(name) if name else DATABASE_URL, autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if cursor.description else []


def postgres(action):
    """Stop or start the whole cluster, as scripts/with_postgres.sh says."""
    subprocess.run(os.environ[f"PORTAL_PG_{action.upper()}"], shell=True, check=True, capture_output=True)


class Response:
    def __init__(self, status, headers, text):
        self.status, self.headers, self.text = status, headers, text


class Visitor:
    """Someone at one client address, with the cookies the portal gave them, on any instance."""

    def __init__(self, address=None):
        self.address = address  # sent as X-Forwarded-For, as nginx would; None through nginx itself
        self.cookies = {}

    def request(self, port, method, path, form=None, headers=None):
        sent = {"Host": "127.0.0.1", **(headers or {})}
        if self.address:
            sent["X-Forwarded-For"] = self.address
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            headers = {}
            for name, value in response.getheaders():
                headers.setdefault(name.lower(), []).append(value)
                if name.lower() == "set-cookie":
                    for morsel in SimpleCookie(value).values():
                        self.cookies[morsel.key] = morsel.value
            return Response(response.status, headers, response.read().decode("utf-8", "replace"))
        finally:
            connection.close()

    def get(self, port, path, **kwargs):
        return self.request(port, "GET", path, **kwargs)

    def submit(self, port, path, form_id, changes=None):
        """Open the form ``form_id`` at ``path`` and send it as a browser would, with ``changes``."""
        page = self.get(port, path)
        assert page.status == 200, (path, page.status)
        fields = FormFields.of(page.text, form_id)
        assert fields, f"no form {form_id} at {path}"
        return self.request(port, "POST", path, form={**fields, **(changes or {})})

    def log_in(self, port, username, password=PASSWORD):
        return self.submit(
            port, "/admin/login/?next=/admin/", "login-form", {"username": username, "password": password}
        )


class Service:
    """A process of this module's, in its own process group, with its output in a log file."""

    def __init__(self, name, work, command, env=None):
        self.name, self.work, self.command, self.env = name, work, command, env
        self.process = None

    def start(self):
        log = open(self.work / f"{self.name}.log", "a")  # noqa: SIM115 - the child holds it
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        return self

    def send(self, sig):
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)

    def stop(self, sig=signal.SIGTERM):
        self.send(sig)
        if self.process:
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.send(signal.SIGKILL)
                self.process.wait()

    def log(self):
        return (self.work / f"{self.name}.log").read_text(errors="replace")


def wait_for(check, timeout, step=0.1):
    """Seconds until ``check()`` is true (raises after ``timeout``)."""
    started = time.monotonic()
    while True:
        with contextlib.suppress(OSError, http.client.HTTPException):
            if check():
                return time.monotonic() - started
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not within {timeout}s: {check.__doc__ or check}")
        time.sleep(step)


class Redis(Service):
    def __init__(self, work):
        self.port = free_port()
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        super().__init__("redis", work, [*command, "--dir", str(work)])

    def client(self, db):
        import redis

        return redis.Redis(port=self.port, db=db, socket_timeout=2)

    def start(self):
        super().start()
        wait_for(lambda: self.client(0).ping(), timeout=20)
        return self


class Instance(Service):
    """One app server: gunicorn with two workers on its own loopback port."""

    def __init__(self, name, work, env):
        self.port = free_port()
        command = [str(GUNICORN), "portal.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", "2"]
        command += ["--access-logfile", str(work / f"{name}-access.log"), "--no-control-socket"]
        super().__init__(name, work, command, env)

    def start(self):
        super().start()
        wait_for(lambda: Visitor().get(self.port, "/healthz/").status == 200, timeout=60)
        return self

    def requests_served(self):
        path = self.work / f"{self.name}-access.log"
        return len(path.read_text().splitlines()) if path.exists() else 0


class Cluster:
    def __init__(self, work, redis, instances, nginx, env):
        self.work, self.redis, self.instances, self.env = work, redis, instances, env
        self.a, self.b = instances
        self.nginx, self.nginx_port = nginx, int(nginx.command[nginx.command.index("--port") + 1])

    def manage(self, *args, env=None):
        return subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env or self.env, check=True, capture_output=True, text=True
        )


def figure(name, value):
    FIGURES[name] = value
    path = ROOT / ".local" / "several-instances.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(FIGURES, indent=2) + "\n")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    work = tmp_path_factory.mktemp("instances")
    name = f"instances_{os.getpid()}"
    sql(f"CREATE DATABASE {name}")
    redis = Redis(work).start()
    env = pair_environment(
        work,
        DATABASE_URL=database_url(name),
        DJANGO_CACHE_URL=f"redis://127.0.0.1:{redis.port}/0",
        DJANGO_PAGE_CACHE_URL=f"redis://127.0.0.1:{redis.port}/1",
        DJANGO_CONTENT_VERSION_IN_CACHE="true",
        DJANGO_HTTP_MAX_AGE=str(HTTP_MAX_AGE),
        DJANGO_LOGIN_ATTEMPTS_PER_ADDRESS="8",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    for command in (
        ["migrate", "--noinput"],
        ["load_portal_data"],
        ["collectstatic", "--noinput", "--ignore", "scss"],
        ["createsuperuser", "--noinput", "--username", "editor", "--email", "editor@example.org"],
        ["createsuperuser", "--noinput", "--username", "colleague", "--email", "colleague@example.org"],
    ):
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    instances = [Instance(letter, work, env).start() for letter in ("a", "b")]
    nginx_port = free_port()
    upstreams = [argument for instance in instances for argument in ("--upstream", f"127.0.0.1:{instance.port}")]
    serve = [PYTHON, "scripts/serve.py", "--port", str(nginx_port), "--run-dir", str(work / "nginx"), *upstreams]
    nginx = Service("nginx", work, serve, env).start()
    wait_for(lambda: Visitor().get(nginx_port, "/healthz/").status == 200, timeout=30)
    started = Cluster(work, redis, instances, nginx, env)
    yield started
    nginx.stop()
    for instance in instances:
        instance.stop()
    redis.stop()
    sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_nginx_balances_over_both_instances(cluster):
    before = [instance.requests_served() for instance in cluster.instances]
    for _ in range(20):
        assert Visitor().get(cluster.nginx_port, "/healthz/").status == 200  # never cached
    after = [instance.requests_served() for instance in cluster.instances]
    assert all(now >= then + 5 for now, then in zip(after, before, strict=True)), (before, after)


def test_an_editor_s_save_on_one_instance_is_on_every_page_of_the_other_at_once(cluster):
    """Every cached page of B is made again after a save on A: the content version they share
    (in Redis) is in each page's key and ETag."""
    visitor, title, page = Visitor(), f"Legal notes, revised {time.time_ns()}", "/en/info/legal-notes/"
    paths = (page, "/en/", "/en/countries/japan/", "/en/agreements/")
    for port in (cluster.b.port, cluster.nginx_port):
        for path in paths:
            for _ in range(2):  # the second is a copy: B's from Redis, nginx's from its cache
                assert visitor.get(port, path).status == 200
    assert visitor.get(cluster.nginx_port, page).headers["x-cache-status"] == ["HIT"]
    tags = {path: visitor.get(cluster.b.port, path).headers["etag"] for path in paths}
    editor = Visitor("198.51.100.20")
    assert editor.log_in(cluster.a.port, "editor").status == 302
    ((page_id,),) = sql("SELECT id FROM site_infopage WHERE kind = 'legal-notes'", cluster_database(cluster))

    saved = editor.submit(
        cluster.a.port, f"/admin/site/infopage/{page_id}/change/", "infopage_form", {"title_en": title, "_save": ""}
    )
    assert saved.status == 302, saved.text[:3000]
    saved_at = time.monotonic()

    assert title in visitor.get(cluster.b.port, page).text
    figure("save seen on the other instance, s", round(time.monotonic() - saved_at, 3))
    for path in paths:
        assert visitor.get(cluster.b.port, path).headers["etag"] != tags[path], path
    through_nginx = wait_for(lambda: title in visitor.get(cluster.nginx_port, page).text, timeout=HTTP_MAX_AGE + 2)
    figure("save seen through nginx, s (bound: DJANGO_HTTP_MAX_AGE)", round(through_nginx, 2))
    assert through_nginx <= HTTP_MAX_AGE + 1

    # The editor's session, made on A, is valid on B.
    dashboard = editor.get(cluster.b.port, "/admin/")
    assert dashboard.status == 200 and "logout" in dashboard.text


def cluster_database(cluster):
    return urlsplit(cluster.env["DATABASE_URL"]).path.lstrip("/")


def test_the_login_lockout_and_throttle_earned_on_one_instance_hold_on_the_other(cluster):
    intruder = Visitor("203.0.113.66")
    # The lockout: the 5th failure for one username from one address locks them, wherever it lands.
    failures = [intruder.log_in(cluster.instances[n % 2].port, "colleague", "wrong").status for n in range(5)]
    assert failures == [200, 200, 200, 200, 429]
    for instance in cluster.instances:
        locked = intruder.log_in(instance.port, "colleague")  # even the right password
        assert locked.status == 429 and "Troppi accessi non riusciti" in locked.text, instance.name

    flooder = Visitor("203.0.113.77")
    statuses = [flooder.log_in(cluster.instances[n % 2].port, f"user{n}", "x").status for n in range(9)]
    assert statuses[:8] == [200] * 8  # 8 attempts per address (DJANGO_LOGIN_ATTEMPTS_PER_ADDRESS)
    assert statuses[8] == 429  # counted over both instances and their four workers
    throttled = flooder.log_in(cluster.a.port, "editor")
    assert throttled.status == 429 and throttled.headers["retry-after"]


def test_the_page_rating_limits_are_shared(cluster):
    visitor, page = Visitor("192.0.2.44"), "/en/countries/japan/"
    answer = {"page": page, "stars": "5", "website": ""}
    first = visitor.request(cluster.a.port, "POST", "/en/page-rating/", form=answer)
    second = visitor.request(cluster.b.port, "POST", "/en/page-rating/", form=answer)
    assert first.status == 200 and "Your answer has been counted" in first.text
    assert second.status == 200 and "already" in second.text
    assert sql(f"SELECT sum(count) FROM site_pagerating WHERE path = '{page}'", cluster_database(cluster)) == [(1,)]

    other_site = visitor.request(
        cluster.b.port, "POST", "/en/page-rating/", form=answer, headers={"Origin": "https://elsewhere.example"}
    )
    assert other_site.status == 403
    missing = Visitor("192.0.2.45").request(
        cluster.a.port, "POST", "/en/page-rating/", form={**answer, "page": "/en/countries/atlantis/"}
    )
    assert missing.status == 400


def test_a_backup_restores_into_a_fresh_database_that_serves_identical_pages(cluster):
    backups = cluster.work / "backups"
    for _ in range(3):
        cluster.manage("backup", "--directory", str(backups), "--keep", "2")
        time.sleep(1.05)  # the archives are named to the second
    archives = sorted(backups.glob("portal-*.tar.gz"))
    assert len(archives) == 2

    fresh = f"restored_{os.getpid()}"
    sql(f"CREATE DATABASE {fresh}")
    restored_env = pair_environment(
        cluster.work / "restored",
        DATABASE_URL=database_url(fresh),
        DJANGO_HTTP_MAX_AGE=str(HTTP_MAX_AGE),
        DJANGO_STATIC_ROOT=cluster.env["DJANGO_STATIC_ROOT"],
    )
    (cluster.work / "restored").mkdir()
    try:
        started = time.monotonic()
        cluster.manage("restore", str(archives[-1]), "--no-input", env=restored_env)
        figure("restore drill: restore into a fresh database, s", round(time.monotonic() - started, 1))
        restored = Instance("restored", cluster.work, restored_env).start()
        try:
            visitor = Visitor()
            for path in PAGES:
                original, copy = visitor.get(cluster.a.port, path), visitor.get(restored.port, path)
                differences = difflib.unified_diff(original.text.splitlines(), copy.text.splitlines(), lineterm="", n=0)
                assert (original.status, original.text) == (copy.status, copy.text), "\n".join(differences)
        finally:
            restored.stop()
    finally:
        sql(f"DROP DATABASE IF EXISTS {fresh} WITH (FORCE)")


def test_visitors_see_no_error_while_one_instance_is_killed_and_it_rejoins(cluster):
    # A session cookie makes nginx pass every request on (it never caches a possible editor's page);
    # the instances answer from the page cache they share, as for any visitor once it holds the page.
    path = "/en/countries/japan/"
    url = f"http://127.0.0.1:{cluster.nginx_port}{path}"
    assert all(Visitor().get(instance.port, path).status == 200 for instance in cluster.instances)
    results = {}
    load = threading.Thread(
        target=lambda: results.update(run_wrk(url, 30, connections=8, headers=["Cookie: sessionid=none"]))
    )
    load.start()
    time.sleep(8)
    cluster.a.stop(signal.SIGKILL)  # gunicorn and its workers, mid-request
    killed_at = time.monotonic()
    time.sleep(8)
    cluster.a.start()
    figure("killed instance back up (gunicorn start to /healthz/ 200), s", round(time.monotonic() - killed_at - 8, 1))
    load.join()
    figure("visitors' errors while one instance was killed (wrk 30 s, 8 connections)", results)
    assert results["requests"] > 100
    assert results["non_2xx"] == 0 and results["socket_errors"] == 0, results

    before = cluster.a.requests_served()
    rejoined = wait_for(
        lambda: Visitor().get(cluster.nginx_port, "/healthz/").status == 200 and cluster.a.requests_served() > before,
        timeout=15,
    )
    figure("killed instance serving through nginx again after its start, s", round(rejoined, 2))


def test_with_redis_stopped_pages_and_logins_go_on_and_the_cache_returns(cluster):
    visitor = Visitor("192.0.2.50")
    expected = {path: visitor.get(cluster.a.port, path).status for path in PAGES}  # 404 and 400 among them
    cluster.redis.stop()
    try:
        started = time.monotonic()
        for instance in cluster.instances:
            statuses = {path: visitor.get(instance.port, path).status for path in PAGES}
            assert statuses == expected, instance.name
        figure(
            "Redis down: seconds per page (from the database)", round((time.monotonic() - started) / 2 / len(PAGES), 3)
        )
        figure("Redis down: status codes of every page type (as with Redis)", dict(Counter(statuses.values())))

        editor = Visitor("192.0.2.51")
        assert editor.log_in(cluster.a.port, "editor").status == 302
        assert editor.get(cluster.b.port, "/admin/").status == 200
        rating = visitor.request(cluster.b.port, "POST", "/en/page-rating/", form={"page": "/it/", "stars": "4"})
        assert rating.status == 200
        assert Visitor().get(cluster.nginx_port, "/healthz/").status == 200
    finally:
        cluster.redis.start()

    pages = cluster.redis.client(1)

    def cached_again():
        """the instances store pages in Redis again"""
        Visitor().get(cluster.a.port, "/en/partners/")
        return pages.dbsize() > 0

    figure("Redis back: seconds until pages are cached in it again", round(wait_for(cached_again, timeout=10), 2))
    assert Visitor().get(cluster.b.port, "/en/partners/").status == 200


def test_with_postgresql_stopped_health_fails_nginx_serves_its_pages_and_all_recover(cluster):
    nginx, visitor = cluster.nginx_port, Visitor()
    for path in ("/it/", "/en/countries/japan/"):
        wait_for(lambda path=path: visitor.get(nginx, path).headers.get("x-cache-status") == ["HIT"], timeout=10)
    postgres("stop")
    try:
        health = {instance.name: Visitor().get(instance.port, "/healthz/").status for instance in cluster.instances}
        assert health == {"a": 503, "b": 503}
        time.sleep(HTTP_MAX_AGE + 1)  # nginx's copies are now stale: it must ask, and is refused
        cached = {path: visitor.get(nginx, path).status for path in ("/it/", "/en/countries/japan/")}
        assert cached == {"/it/": 200, "/en/countries/japan/": 200}
        uncached = visitor.get(nginx, "/en/search/?q=postgres")
        assert uncached.status == 503 and "<html" in uncached.text  # the portal's page, no traceback
        figure("PostgreSQL down: /healthz/ on each instance, cached pages, an uncached page", [health, cached, 503])
    finally:
        postgres("start")
    recovered = wait_for(
        lambda: all(Visitor().get(instance.port, "/healthz/").status == 200 for instance in cluster.instances),
        timeout=30,
    )
    figure("PostgreSQL back: seconds until both instances are healthy, no restart", round(recovered, 2))
    assert Visitor().get(nginx, "/en/search/?q=postgres").status == 200
