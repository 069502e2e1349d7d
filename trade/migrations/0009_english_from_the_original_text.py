"""Until now every text was English: it becomes the English translation (see relations 0011)."""

from django.db import migrations

from portal.core.migrations import copy_original_text_to_english


class Migration(migrations.Migration):
    dependencies = [("trade", "0008_translations")]

    operations = [migrations.RunPython(copy_original_text_to_english("trade"), migrations.RunPython.noop)]
