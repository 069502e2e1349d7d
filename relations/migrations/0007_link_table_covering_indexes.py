"""Covering indexes on the many-to-many link tables, read from the partner's or country's side.

"Agreements (or milestones) with this country's partners" reads the link table by partner and
needs the agreement's id: Django's own index on ``partner_id`` makes SQLite fetch each link row
for it; (partner_id, agreement_id) answers from the index alone. The link tables are Django's
auto-created ones, so the indexes are plain SQL (the same on SQLite and PostgreSQL).
"""

from django.db import migrations

LINKS = [
    ("relations_agreement_partners", "partner_id", "agreement_id"),
    ("relations_milestone_partners", "partner_id", "milestone_id"),
    ("relations_agreement_countries", "country_id", "agreement_id"),
    ("relations_milestone_countries", "country_id", "milestone_id"),
]


def index_name(table, first, second):
    return f"{table}_{first}_{second}_idx"


class Migration(migrations.Migration):
    dependencies = [("relations", "0006_agreement_kind_date_index")]

    operations = [
        migrations.RunSQL(
            sql=f'CREATE INDEX "{index_name(*link)}" ON "{link[0]}" ("{link[1]}", "{link[2]}")',
            reverse_sql=f'DROP INDEX "{index_name(*link)}"',
        )
        for link in LINKS
    ]
