"""Trigram search indexes of the large relations tables (see portal/core/search.py)."""

from django.db import migrations

from portal.core.search import TrigramSearchIndex


class Migration(migrations.Migration):
    dependencies = [("relations", "0008_notes_kinds_and_date_order")]

    operations = [
        TrigramSearchIndex("partner", ["name", "native_name", "location", "story"]),
        TrigramSearchIndex("agreement", ["title", "summary"]),
        TrigramSearchIndex("milestone", ["title", "summary"]),
    ]
