"""The search index covers both languages and ignores accents (see portal/core/search.py)."""

from django.db import migrations

from portal.core.search import TrigramSearchIndex


class Migration(migrations.Migration):
    dependencies = [("trade", "0009_english_from_the_original_text")]

    operations = [
        TrigramSearchIndex(
            "figure", ["label_it", "label_en", "measure_it", "measure_en", "sector_it", "sector_en"]
        )
    ]
