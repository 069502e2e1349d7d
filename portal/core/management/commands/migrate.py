"""Django's ``migrate``, the one command allowed to create a missing SQLite database file."""

from django.core.management.commands import migrate

from portal.core.sqlite_backend.base import creation_allowed


class Command(migrate.Command):
    def handle(self, *args, **options):
        with creation_allowed():
            return super().handle(*args, **options)
