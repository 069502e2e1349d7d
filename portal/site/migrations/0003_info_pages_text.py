"""The footer's information pages with their first texts (portal/site/info_pages.py)."""

from django.db import migrations


def create_pages(apps, schema_editor):
    from portal.site.info_pages import create_missing

    create_missing(apps.get_model("site", "InfoPage"))


class Migration(migrations.Migration):
    dependencies = [("site", "0002_info_pages_and_ratings")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
