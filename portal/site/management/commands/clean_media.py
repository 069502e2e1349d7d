"""List (and with --delete, remove) uploaded files that no record points to."""

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import models

from portal.core.images import RENDITION_WIDTHS, rendition_name


def stored_files(storage, directory=""):
    """Every file name under ``directory`` of the storage, recursively."""
    subdirectories, files = storage.listdir(directory)
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for subdirectory in subdirectories:
        yield from stored_files(storage, f"{directory}/{subdirectory}" if directory else subdirectory)


def referenced_files():
    """The files records point to, with the renditions of their images."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            for name in model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True):
                names.add(name)
                if isinstance(field, models.ImageField):
                    names.update(rendition_name(name, width) for width in RENDITION_WIDTHS)
    return names


class Command(BaseCommand):
    help = "List the uploaded files that no record points to; --delete removes them."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Remove the files (the default is a dry run).")

    def handle(self, *args, delete=False, **options):
        storage = default_storage
        if not storage.exists(""):
            self.stdout.write("No uploaded files.")
            return
        orphans = sorted(set(stored_files(storage)) - referenced_files())
        for name in orphans:
            self.stdout.write(name)
            if delete:
                storage.delete(name)
        summary = f"{len(orphans)} files no record points to"
        if delete:
            self.stdout.write(self.style.SUCCESS(f"{summary}: deleted."))
        else:
            self.stdout.write(f"{summary}. Dry run: nothing was deleted; run with --delete to remove them.")
