"""The search index covers both languages and ignores accents (see portal/core/search.py)."""

from django.db import migrations

from portal.core.search import TrigramSearchIndex


class Migration(migrations.Migration):
    dependencies = [("relations", "0011_english_from_the_original_text")]

    operations = [
        TrigramSearchIndex(
            "partner", ["name_it", "name_en", "native_name", "location_it", "location_en", "story_it", "story_en"]
        ),
        TrigramSearchIndex("agreement", ["title_it", "title_en", "summary_it", "summary_en"]),
        TrigramSearchIndex("milestone", ["title_it", "title_en", "summary_it", "summary_en"]),
    ]
