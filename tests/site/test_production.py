"""Production settings and hardening: headers, deploy check, lockout, passwords, caches, 503s."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import OperationalError

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {**os.environ, **env}
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # the latter is set for browser tests
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, check=False
    )


PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-production-secret-key-that-is-long-and-random-enough-0123456789",
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    "DJANGO_BASE_URL": "https://portal.example.org",
}


def test_deploy_check_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_asks_for_the_public_address():
    without_base_url = {name: value for name, value in PRODUCTION.items() if name != "DJANGO_BASE_URL"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **without_base_url)
    assert result.returncode != 0
    assert "portal.W001" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_DEBUG="false", DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_cookies_use_the_host_prefix_and_https():
    code = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, "
        "s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = run_manage("shell", "--no-imports", "-c", code, **PRODUCTION)
    assert result.stdout.split()[:5] == ["__Host-sessionid", "__Host-csrftoken", "True", "True", "31536000"]
    assert "HTTP_X_FORWARDED_PROTO" in result.stdout


def test_admin_path_is_configurable():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.urls import reverse; print(reverse('admin:index'))",
        DJANGO_ADMIN_PATH="backstage",
    )
    assert result.stdout.strip() == "/backstage/"


@pytest.mark.django_db
def test_security_headers_on_public_pages(client):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_login_locks_after_five_failures_for_that_username_and_address_only(client):
    User.objects.create_superuser("target", password="the right password 123")
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "target", "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 200
    fifth = client.post("/admin/login/", {"username": "target", "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    assert fifth.status_code == 429
    locked = client.post(
        "/admin/login/",
        {"username": "target", "password": "the right password 123"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    other_address = client.post(
        "/admin/login/", {"username": "target", "password": "the right password 123"}, REMOTE_ADDR="10.0.0.2"
    )
    assert other_address.status_code == 302


@pytest.mark.parametrize("password", ["short pass1", "12345678901234", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_twelve_character_minimum():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Xq7#pL2!vR9")
    validate_password("Xq7#pL2!vR9z")


SHOW_CACHES = (
    "from django.conf import settings as s; "
    "print([(a, c['BACKEND'].rsplit('.', 1)[1], c.get('LOCATION'), c.get('KEY_PREFIX')) for a, c in s.CACHES.items()])"
)


def test_each_process_has_its_own_caches_unless_redis_is_named():
    result = run_manage("shell", "--no-imports", "-c", SHOW_CACHES)
    assert result.stdout.strip() == (
        "[('default', 'LocMemCache', 'default', 'portal'), ('pages', 'ByteBoundedLocMemCache', 'pages', 'portal')]"
    ), result.stderr
    shared = run_manage(
        "shell",
        "--no-imports",
        "-c",
        SHOW_CACHES,
        DJANGO_CACHE_URL="redis://cache.internal:6379/0",
        DJANGO_PAGE_CACHE_URL="redis://cache.internal:6379/1",
    )
    assert shared.stdout.strip() == (
        "[('default', 'ResilientRedisCache', 'redis://cache.internal:6379/0', 'portal'), "
        "('pages', 'ResilientRedisCache', 'redis://cache.internal:6379/1', 'portal')]"
    ), shared.stderr


def test_an_unknown_cache_is_refused_at_start():
    result = run_manage("check", DJANGO_CACHE_URL="memcached-typo://x")
    assert result.returncode != 0
    assert "Invalid cache schema memcached-typo" in result.stderr


@pytest.mark.django_db
def test_database_failure_gives_a_clean_503_without_traceback(client):
    with mock.patch("portal.site.selectors.home_page", side_effect=OperationalError("no such table: secret_internals")):
        response = client.get("/en/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    content = response.content.decode()
    assert "temporarily unavailable" in content
    assert "secret_internals" not in content
    assert "Traceback" not in content


@pytest.mark.slow
def test_sqlite_under_several_writing_processes_loses_no_update(tmp_path):
    result = subprocess.run(
        [sys.executable, "scripts/sqlite_contention.py", str(tmp_path / "contention.sqlite3"), "6", "40"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "updates=240 errors=0 final=240"
