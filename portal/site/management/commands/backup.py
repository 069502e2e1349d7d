import re
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.site.backups import BackupError, create_backup

# The archives this command names by itself; only these are ever removed by --keep.
ARCHIVE_NAME = re.compile(r"portal-\d{8}-\d{6}\.tar\.gz")


def archive_name():
    return f"portal-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"


def remove_oldest(directory, keep):
    """Leave the ``keep`` newest archives named by this command in ``directory``; return the removed.
    Their names sort as their dates do."""
    archives = sorted(path for path in Path(directory).iterdir() if ARCHIVE_NAME.fullmatch(path.name))
    removed = archives[:-keep] if keep else []
    for path in removed:
        path.unlink()
    return removed


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Archive to write; default backups/portal-<date>-<time>.tar.gz in the project."
        )
        parser.add_argument("--directory", help="Write portal-<date>-<time>.tar.gz into this folder instead.")
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="After the backup, remove the oldest portal-<date>-<time>.tar.gz beside it so that this many "
            "remain (0, the default: remove none).",
        )

    def handle(self, *args, output, directory, keep, **options):
        if keep < 0:
            raise CommandError("--keep takes 0 (keep every archive) or a number of archives to keep.")
        if output and directory:
            raise CommandError("Give --output or --directory, not both.")
        if not output:
            output = Path(directory or Path(settings.BASE_DIR) / "backups") / archive_name()
        try:
            path = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path} ({path.stat().st_size:,} bytes)."))
        for old in remove_oldest(path.parent, keep):
            self.stdout.write(f"Removed the older backup {old.name} (--keep {keep}).")
