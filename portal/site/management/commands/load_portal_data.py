from django.core.management.base import BaseCommand, CommandError

from portal.site.loading import FixtureError, load_fixtures


class Command(BaseCommand):
    help = (
        "Load the document facts from fixtures/ (or the given files): every record validated, "
        "all in one transaction, safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Fixture files; default: every fixtures/*.json in name order.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report, but keep nothing.")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace records that editors changed since they were loaded with the fixtures' version.",
        )

    def handle(self, *args, paths, dry_run, overwrite, **options):
        try:
            report = load_fixtures(paths, dry_run=dry_run, overwrite=overwrite)
        except FixtureError as error:
            raise CommandError(
                "Nothing was loaded; the database is unchanged.\n" + "\n".join(error.problems)
            ) from error
        for line in report.lines():
            self.stdout.write(line)
        for conflict in report.conflicts:
            self.stdout.write(self.style.WARNING(conflict))
        if report.conflicts:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(report.conflicts)} record(s) were edited in the admin since they were loaded and "
                    "were kept. Run with --overwrite to replace them with the fixtures."
                )
            )
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
        elif report.changed:
            self.stdout.write(self.style.SUCCESS("Portal data loaded."))
        elif not report.conflicts:
            self.stdout.write(self.style.SUCCESS("Nothing to do: the database already matches the fixtures."))
