"""The real pair, as `make serve` runs it: nginx on a loopback port in front of gunicorn.

Each pair gets its own database (migrated, the document facts loaded), static and media folders
and nginx run directory, so it never touches the developer's. Started once per module.
"""

import contextlib
import http.client
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Pair:
    """A started nginx + gunicorn pair, and how to talk to it."""

    def __init__(self, work, env, tls=False):
        self.work, self.env, self.tls = work, env, tls
        self.port = free_port()
        self.process = None

    def manage(self, *args):
        return subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True, text=True
        )

    def start(self, *extra):
        command = [PYTHON, "scripts/serve.py", "--port", str(self.port), "--run-dir", str(self.work / "nginx"), *extra]
        self.log = open(self.work / "serve.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError, http.client.HTTPException):
                if self.request("GET", "/healthz/")[0] == 200:
                    return self
            if self.process.poll() is not None:
                raise RuntimeError((self.work / "serve.log").read_text())
            time.sleep(0.3)
        raise RuntimeError("the pair did not come up: " + (self.work / "serve.log").read_text())

    def connection(self, timeout=10):
        if self.tls:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            return http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=context)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None):
        """(status, headers as a dict of lists, body) of one request on a new connection."""
        connection = self.connection()
        try:
            connection.request(method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})})
            response = connection.getresponse()
            found = {}
            for name, value in response.getheaders():
                found.setdefault(name.lower(), []).append(value)
            return response.status, found, response.read()
        finally:
            connection.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def pair_environment(work, **extra):
    return {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"},
        "DATABASE_URL": f"sqlite:///{work / 'portal.sqlite3'}",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "a-test-secret-key-for-the-nginx-pair-0123456789-abcdefghij",
        "DJANGO_HTTPS": "false",
        "DJANGO_PROXY_COUNT": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BASE_URL": "http://127.0.0.1",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DJANGO_CONTENT_VERSION_FILE": str(work / "content-version"),
        "DJANGO_HTTP_MAX_AGE": "5",
        **extra,
    }


def prepared_pair(work, tls=False, **extra):
    pair = Pair(work, pair_environment(work, **extra), tls=tls)
    pair.manage("migrate", "--noinput")
    pair.manage("load_portal_data")
    pair.manage("collectstatic", "--noinput", "--ignore", "scss")
    return pair


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    work = tmp_path_factory.mktemp("pair")
    started = prepared_pair(work).start()
    yield started
    started.stop()
