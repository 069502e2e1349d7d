"""Substring search ("contains this text") that an index answers, on SQLite and PostgreSQL.

Visitors' site search and the editors' changelist search ask which records contain a text,
which Django writes as ``icontains``: ``LIKE '%text%'``, a read of every row. At bulk scale
(100,000 agreements, 200,000 milestones and figures) that is 30–250 ms per table. So the large
tables get a trigram index, created by a migration (``TrigramSearchIndex``, an operation that
``sqlmigrate`` and ``migrate --plan`` show like any other):

* SQLite: an FTS5 table with the ``trigram`` tokenizer beside each table (external content:
  it stores only the index), kept in step by triggers. ``contains()`` asks it for texts of three
  characters or more; shorter texts fall back to ``icontains``.
* PostgreSQL: the ``pg_trgm`` extension (Django's ``TrigramExtension``) and a ``GinIndex`` on
  ``UPPER(column::text)``, the very expression Django's ``icontains`` compares, so the planner uses
  them for the ordinary lookup.

One thing a migration cannot promise on SQLite: a later migration that *rebuilds* an indexed table
(SQLite's way of altering most columns) drops its triggers with the old table. Such a migration
must end with ``TrigramSearchIndex`` again for that table; ``tests/core/test_search.py`` checks,
on a database built by the migrations, that every indexed table has its index and triggers.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import connections
from django.db.migrations.operations.base import Operation
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Upper

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


def _fts_table(model):
    return f"{model._meta.db_table}_fts"


def _trigger_names(model):
    return [f"{_fts_table(model)}_{event}" for event in ("insert", "delete", "update")]


def _fts_statements(model, fields):
    """The FTS5 table, its three triggers and the statement that fills it from the table."""
    table, fts = model._meta.db_table, _fts_table(model)
    columns = [model._meta.get_field(field).column for field in fields]
    listed = ", ".join(f'"{column}"' for column in columns)
    old_values = ", ".join(f'old."{column}"' for column in columns)
    new_values = ", ".join(f'new."{column}"' for column in columns)
    insert, delete, update = _trigger_names(model)
    return [
        f'DROP TABLE IF EXISTS "{fts}"',
        f'CREATE VIRTUAL TABLE "{fts}" USING fts5({listed}, content="{table}", content_rowid="id", tokenize="trigram")',
        f'CREATE TRIGGER "{insert}" AFTER INSERT ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"(rowid, {listed}) VALUES (new.id, {new_values}); END',
        f'CREATE TRIGGER "{delete}" AFTER DELETE ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, {listed}) VALUES (\'delete\', old.id, {old_values}); END',
        f'CREATE TRIGGER "{update}" AFTER UPDATE OF {listed} ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, {listed}) VALUES (\'delete\', old.id, {old_values}); '
        f'INSERT INTO "{fts}"(rowid, {listed}) VALUES (new.id, {new_values}); END',
        f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')',
    ]


def _gin_indexes(model, fields):
    return [
        GinIndex(
            OpClass(Upper(field), name="gin_trgm_ops"),
            name=f"{model._meta.db_table}_{model._meta.get_field(field).column}_trgm",
        )
        for field in fields
    ]


class TrigramSearchIndex(Operation):
    """A migration operation: the trigram index of ``fields`` of ``model_name``, for its database.

    SQLite gets an FTS5 table and triggers, PostgreSQL the pg_trgm extension and GIN indexes,
    other databases nothing (``contains()`` then falls back to ``icontains``). It changes no model
    state: the index is the database's, the models keep their fields as they are.
    """

    reduces_to_sql = True
    reversible = True

    def __init__(self, model_name, fields):
        self.model_name = model_name
        self.fields = list(fields)

    def deconstruct(self):
        return (self.__class__.__qualname__, [self.model_name, self.fields], {})

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            for trigger in _trigger_names(model):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
            for statement in _fts_statements(model, self.fields):
                schema_editor.execute(statement)
        elif vendor == "postgresql":
            TrigramExtension().database_forwards(app_label, schema_editor, from_state, to_state)
            for index in _gin_indexes(model, self.fields):
                schema_editor.execute(f'DROP INDEX IF EXISTS "{index.name}"')
                schema_editor.add_index(model, index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.model_name)
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            for trigger in _trigger_names(model):
                schema_editor.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
            schema_editor.execute(f'DROP TABLE IF EXISTS "{_fts_table(model)}"')
        elif vendor == "postgresql":
            for index in _gin_indexes(model, self.fields):
                schema_editor.execute(f'DROP INDEX IF EXISTS "{index.name}"')

    def describe(self):
        return f"Trigram search index on {self.model_name} ({', '.join(self.fields)})"

    @property
    def migration_name_fragment(self):
        return f"search_index_{self.model_name.lower()}"
