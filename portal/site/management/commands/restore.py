from django.core.management.base import BaseCommand, CommandError

from portal.site.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace the database and the uploaded media with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, no_input, **options):
        if not no_input:
            answer = input(f"This replaces ALL current content and media with {archive}. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            manifest = restore_backup(archive)
        except (BackupError, OSError, KeyError) as error:
            raise CommandError(f"Restore failed: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Restored the backup made at {manifest['created_at']}."))
