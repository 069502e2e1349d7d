"""Until now every text was English: it becomes the English translation (the Italian one is
written by the editors; pages show the English meanwhile, with a notice)."""

from django.db import migrations

from portal.core.migrations import copy_original_text_to_english


class Migration(migrations.Migration):
    dependencies = [("relations", "0010_translations")]

    operations = [migrations.RunPython(copy_original_text_to_english("relations"), migrations.RunPython.noop)]
