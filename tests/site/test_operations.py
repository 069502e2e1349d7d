"""What operators rely on: robots.txt, logs that stay readable, a health check that tells the truth,
a database file that only ``migrate`` creates, and canonical addresses on the port actually served."""

import logging
import shutil
import sqlite3
from unittest import mock

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from tests.site.test_production import run_manage


@pytest.mark.django_db
@pytest.mark.parametrize("admin_path", ["admin/", "backstage/"])
def test_robots_txt_does_not_publish_the_admin_path(client, settings, admin_path):
    settings.ADMIN_PATH = admin_path
    robots = client.get("/robots.txt").content.decode()
    assert admin_path.strip("/") not in robots
    assert "Sitemap:" in robots


@pytest.mark.django_db
def test_a_bad_host_is_logged_once_briefly_as_a_warning(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/en/", HTTP_HOST="scanner.example")
    assert response.status_code == 400
    records = [record for record in caplog.records if record.name.startswith("django.security")]
    assert len(records) == 1
    (record,) = records
    assert record.levelno == logging.WARNING
    assert record.exc_info is None and not record.exc_text
    assert "scanner.example" in record.getMessage()
    assert "\n" not in record.getMessage()


@pytest.mark.django_db
def test_health_check_is_ok_on_a_migrated_database_with_content(client, places):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content.decode().startswith("ok")


@pytest.fixture
def migrations_on_disk(settings):
    """The project's real migrations (the test database is built without them)."""
    from portal.site import selectors

    settings.MIGRATION_MODULES = {}
    selectors._migrations_on_disk.cache_clear()
    yield sorted(selectors._migrations_on_disk())
    selectors._migrations_on_disk.cache_clear()


@pytest.mark.django_db
def test_health_check_fails_until_every_migration_is_applied(client, places, migrations_on_disk):
    recorded = dict.fromkeys(migrations_on_disk[:-1])
    with mock.patch.object(MigrationRecorder, "applied_migrations", return_value=recorded):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert "1 migrations not applied" in response.content.decode()
    recorded[migrations_on_disk[-1]] = None
    with mock.patch.object(MigrationRecorder, "applied_migrations", return_value=recorded):
        assert client.get("/healthz/").status_code == 200


@pytest.mark.django_db
def test_health_check_fails_when_there_is_no_published_content(client, places):
    from relations.models import Country

    Country.objects.update(is_published=False)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert "no published content" in response.content.decode()


def sqlite_database(path):
    """A connection wrapper for a SQLite file, configured as the portal configures its database."""
    from django.db import connections

    settings_dict = {**connections["default"].settings_dict, "NAME": str(path)}
    wrapper_class = type(connections["default"])
    return wrapper_class(settings_dict, alias="probe")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite files only")
def test_a_missing_database_file_is_not_created_at_run_time(tmp_path, django_db_blocker):
    missing = tmp_path / "db.sqlite3"
    database = sqlite_database(missing)
    with django_db_blocker.unblock(), pytest.raises(Exception, match="does not exist"):
        database.ensure_connection()
    assert not missing.exists()


@pytest.mark.slow
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite files only")
def test_only_migrate_creates_the_database_file(tmp_path):
    path = tmp_path / "fresh.sqlite3"
    url = f"sqlite:///{path}"
    shell = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection; connection.ensure_connection()",
        DATABASE_URL=url,
    )
    assert shell.returncode != 0
    assert not path.exists()
    migrate = run_manage("migrate", "--noinput", DATABASE_URL=url)
    assert migrate.returncode == 0, migrate.stderr
    assert path.exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite files only")
def test_a_restored_database_file_is_used_on_the_next_request(tmp_path, django_db_blocker):
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE marker (name TEXT)")
        raw.execute("INSERT INTO marker VALUES ('old')")
    replacement = tmp_path / "restored.sqlite3"
    with sqlite3.connect(replacement) as raw:
        raw.execute("CREATE TABLE marker (name TEXT)")
        raw.execute("INSERT INTO marker VALUES ('restored')")
    database = sqlite_database(path)
    with django_db_blocker.unblock():
        database.ensure_connection()
        assert database.is_usable()
        shutil.move(replacement, path)  # as an operator restores a file
        assert not database.is_usable()
        database.close_if_unusable_or_obsolete()  # what Django does between requests
        database.health_check_done = False
        database.close_if_health_check_failed()
        with database.cursor() as cursor:
            cursor.execute("SELECT name FROM marker")
            assert cursor.fetchone() == ("restored",)
        database.close()


@pytest.mark.django_db
def test_canonical_and_og_url_use_the_address_actually_served(client, settings):
    settings.PORTAL_BASE_URL = ""
    page = client.get("/en/countries/japan/", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8123/en/countries/japan/">' in page
    assert '<meta property="og:url" content="http://127.0.0.1:8123/en/countries/japan/">' in page


def test_make_run_gives_the_portal_the_port_it_serves():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "DJANGO_BASE_URL=http://127.0.0.1:$(PORT)" in run_recipe
