from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.site.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Archive to write; default backups/portal-<date>-<time>.tar.gz in the project."
        )

    def handle(self, *args, output, **options):
        if not output:
            output = Path(settings.BASE_DIR) / "backups" / f"portal-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            path = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path} ({path.stat().st_size:,} bytes)."))
