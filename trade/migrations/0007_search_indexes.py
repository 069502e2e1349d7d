"""Trigram search index of the figures (see portal/core/search.py)."""

from django.db import migrations

from portal.core.search import TrigramSearchIndex


class Migration(migrations.Migration):
    dependencies = [("trade", "0006_internal_notes")]

    operations = [TrigramSearchIndex("figure", ["label", "measure", "sector"])]
