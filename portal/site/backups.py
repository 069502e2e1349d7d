"""Backups of the database and the uploaded media, in one .tar.gz archive.

SQLite is copied with its online backup API (consistent while the site runs); PostgreSQL with
``pg_dump``/``pg_restore``. Media are copied from MEDIA_ROOT (file-system storage only; with S3
storage, use the bucket's own versioning).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from portal.core.sqlite_backend.base import creation_allowed

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA_DIR = "media"


class BackupError(Exception):
    pass


def _engine():
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _postgres_environment():
    params = connection.get_connection_params()
    env = {**os.environ}
    for key, variable in (("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER"), ("password", "PGPASSWORD")):
        if params.get(key):
            env[variable] = str(params[key])
    return env, params.get("dbname") or settings.DATABASES["default"]["NAME"]


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def create_backup(output):
    """Write database and media to ``output`` (a .tar.gz path); return the path."""
    engine = _engine()
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if engine == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(work / SQLITE_FILE)
            with target:
                connection.connection.backup(target)
            target.close()
            database_file = SQLITE_FILE
        else:
            env, name = _postgres_environment()
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(work / POSTGRES_FILE), name], env)
            database_file = POSTGRES_FILE
        manifest = {"engine": engine, "database": database_file, "created_at": datetime.now(UTC).isoformat()}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        with tarfile.open(output, "w:gz") as archive:
            archive.add(work / MANIFEST, arcname=MANIFEST)
            archive.add(work / database_file, arcname=database_file)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.exists():
                archive.add(media_root, arcname=MEDIA_DIR)
    return output


def restore_backup(archive_path):
    """Replace the database and the media with those in the archive."""
    engine = _engine()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(work, filter="data")
        manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
        if manifest["engine"] != engine:
            raise BackupError(f"This backup is of a {manifest['engine']} database; the portal uses {engine}.")
        if engine == "sqlite":
            with creation_allowed():  # restoring is how an operator brings back a lost file
                connection.ensure_connection()
            source = sqlite3.connect(work / SQLITE_FILE)
            source.backup(connection.connection)
            source.close()
        else:
            env, name = _postgres_environment()
            connection.close()
            _run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname", name, str(work / POSTGRES_FILE)], env
            )
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists():
            shutil.rmtree(media_root)
        if (work / MEDIA_DIR).exists():
            shutil.copytree(work / MEDIA_DIR, media_root)
    return manifest
