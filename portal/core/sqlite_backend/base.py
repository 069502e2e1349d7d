"""Django's SQLite backend with two safeguards for a database that is a file on disk, and the
search's ``portal_fold()`` SQL function (``portal.core.search``).

* A missing file is an error, not a new empty database. SQLite creates any file it is asked to
  open, so a database moved away (or a wrong path) used to become an empty 4 KB file and a site
  answering "no such table" while looking healthy. Only ``migrate`` (and the test runner) may
  create the file: they run inside :func:`creation_allowed`.
* A replaced file is noticed. A connection keeps the file it opened even after an operator
  restores another one in its place; with persistent connections the site went on reading the
  old one until the connections aged out. Django asks ``is_usable()`` before reusing a
  connection (``CONN_HEALTH_CHECKS``): here that compares the file's identity (device, inode).
"""

import contextlib
import os
import sqlite3
import threading

from django.db.backends.sqlite3 import base, creation

from ..search import FOLD_FUNCTION, fold

_allowed = threading.local()


@contextlib.contextmanager
def creation_allowed():
    """Let connections opened inside this block create a missing database file."""
    previous = getattr(_allowed, "value", False)
    _allowed.value = True
    try:
        yield
    finally:
        _allowed.value = previous


def _identity(path):
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


class DatabaseCreation(creation.DatabaseCreation):
    def _create_test_db(self, *args, **kwargs):
        with creation_allowed():
            return super()._create_test_db(*args, **kwargs)


class DatabaseWrapper(base.DatabaseWrapper):
    creation_class = DatabaseCreation
    _file_identity = None

    def _file_path(self):
        name = str(self.settings_dict["NAME"])
        if self.is_in_memory_db() or name.startswith("file:"):
            return None  # in memory, or a URI whose mode the caller chose
        return name

    def get_new_connection(self, conn_params):
        path = self._file_path()
        if path and not os.path.exists(path) and not getattr(_allowed, "value", False):
            raise sqlite3.OperationalError(
                f"The database file {path} does not exist: run `manage.py migrate` to create it."
            )
        connection = super().get_new_connection(conn_params)
        # The search's folding (no accents, lower case), which the search index's triggers call.
        connection.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)
        self._file_identity = _identity(path) if path else None
        return connection

    def is_usable(self):
        """False once the file this connection opened is no longer the file at its path."""
        path = self._file_path()
        return path is None or _identity(path) == self._file_identity
