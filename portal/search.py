"""Substring search ("contains this text") that an index answers, on SQLite and PostgreSQL.

Visitors' site search and the editors' changelist search ask which records contain a text,
which Django writes as ``icontains``: ``LIKE '%text%'``, a read of every row. At bulk scale
(100,000 agreements, 200,000 milestones and figures) that is 30–250 ms per table. So the large
tables get a trigram index:

* SQLite: an FTS5 table with the ``trigram`` tokenizer beside each table (external content:
  it stores only the index), kept in step by triggers. ``contains()`` asks it for texts of three
  characters or more; shorter texts fall back to ``icontains``.
* PostgreSQL: ``pg_trgm`` GIN indexes on ``UPPER(column::text)``, the very expression Django's
  ``icontains`` compares, so the planner uses them for the ordinary lookup.

The indexes are ensured after every ``migrate`` (``ensure_search_indexes``), not created once in a
migration: when a later migration makes SQLite rebuild a table, its triggers go with the old table,
and re-running ``migrate`` brings them back and refills the index.
"""

from django.apps import apps
from django.db import connections
from django.db.models import Q
from django.db.models.expressions import RawSQL

# The one list of indexed tables: model label -> the text fields searched in it.
INDEXED_FIELDS = {
    "relations.Partner": ("name", "native_name", "location", "story"),
    "relations.Agreement": ("title", "summary"),
    "relations.Milestone": ("title", "summary"),
    "trade.Figure": ("label", "measure", "sector"),
}
TRIGRAM = 3  # the shortest text a trigram index can answer


def is_indexed(model, fields):
    """Whether every one of ``fields`` (plain names, no lookups or prefixes) has a trigram index."""
    return bool(fields) and set(fields) <= set(INDEXED_FIELDS.get(model._meta.label, ()))


def contains(model, fields, text, using="default"):
    """A filter: records where any of ``fields`` contains ``text``, case-insensitively."""
    indexed = _fts_fields(model, fields, [text], using)
    condition = Q()
    for field in fields:
        if field not in indexed:
            condition |= Q(**{f"{field}__icontains": text})
    if indexed:
        condition |= _fts_match(model, indexed, [text])
    return condition


def contains_all(model, fields, texts, using="default"):
    """A filter: records where each of ``texts`` is in one of ``fields`` (a changelist search).

    When the index covers every field, one index query intersects the texts: a text found in
    nearly every row ("agreement") costs nothing extra, where one lookup per text would list
    100,000 ids.
    """
    if texts and _fts_fields(model, fields, texts, using) == list(fields):
        return _fts_match(model, fields, texts)
    condition = Q()
    for text in texts:
        condition &= contains(model, fields, text, using)
    return condition


def _fts_fields(model, fields, texts, using):
    """The fields an FTS index on SQLite answers for these texts (none on PostgreSQL)."""
    if connections[using].vendor != "sqlite" or any(len(text) < TRIGRAM for text in texts):
        return []  # PostgreSQL's trigram indexes serve icontains itself
    return [field for field in fields if field in INDEXED_FIELDS.get(model._meta.label, ())]


def _fts_match(model, fields, texts):
    table = _fts_table(model)
    columns = "{" + " ".join(fields) + "}"
    phrases = ['"' + text.replace('"', '""') + '"' for text in texts]  # each text as one phrase
    query = " AND ".join(f"{columns} : {phrase}" for phrase in phrases)
    return Q(pk__in=RawSQL(f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH %s', [query]))


def ensure_search_indexes(using="default", **kwargs):
    """post_migrate receiver: create any missing index (and refill it), for every indexed table."""
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for label, fields in INDEXED_FIELDS.items():
            model = apps.get_model(label)
            if model._meta.db_table not in existing:
                continue  # its app is not migrated yet
            if connection.vendor == "sqlite":
                _ensure_fts(cursor, model, fields)
            else:
                _ensure_trigram_indexes(cursor, model, fields)


def _fts_table(model):
    return f"{model._meta.db_table}_fts"


def _ensure_fts(cursor, model, fields):
    table, fts = model._meta.db_table, _fts_table(model)
    columns = [model._meta.get_field(field).column for field in fields]
    listed = ", ".join(f'"{column}"' for column in columns)
    old_values = ", ".join(f'old."{column}"' for column in columns)
    new_values = ", ".join(f'new."{column}"' for column in columns)
    definition = (
        f'CREATE VIRTUAL TABLE "{fts}" USING fts5({listed}, content="{table}", content_rowid="id", tokenize="trigram")'
    )
    triggers = {
        f"{fts}_insert": f'AFTER INSERT ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"(rowid, {listed}) VALUES (new.id, {new_values}); END',
        f"{fts}_delete": f'AFTER DELETE ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, {listed}) VALUES (\'delete\', old.id, {old_values}); END',
        f"{fts}_update": f'AFTER UPDATE OF {listed} ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, {listed}) VALUES (\'delete\', old.id, {old_values}); '
        f'INSERT INTO "{fts}"(rowid, {listed}) VALUES (new.id, {new_values}); END',
    }
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE name = %s OR tbl_name = %s", [fts, table])
    present = dict(cursor.fetchall())
    stale = present.get(fts) != definition or any(name not in present for name in triggers)
    if not stale:
        return
    cursor.execute(f'DROP TABLE IF EXISTS "{fts}"')
    cursor.execute(definition)
    for name, body in triggers.items():
        cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        cursor.execute(f'CREATE TRIGGER "{name}" {body}')
    cursor.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')


def _ensure_trigram_indexes(cursor, model, fields):
    table = model._meta.db_table
    cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in fields:
        column = model._meta.get_field(field).column
        cursor.execute(
            f'CREATE INDEX IF NOT EXISTS "{table}_{column}_trgm" ON "{table}" '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )
