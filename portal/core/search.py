"""Substring search ("contains this text") in both languages, accents and case aside, that an
index answers, on SQLite and PostgreSQL.

Visitors' site search and the editors' changelist search ask which records contain a text.
"Citta" must find "Città", "cina" "Cina", and a translated field is searched in every language
(``title`` means ``title_it`` and ``title_en``): that is ``contains()``. Texts are compared
*folded* — without accents, in lower case (``fold()``, and ``portal_fold()`` in SQL: the same
Python function on SQLite, ``lower(unaccent())`` on PostgreSQL).

At bulk scale (100,000 agreements, 200,000 milestones and figures) reading every row costs
30–250 ms per table, so the large tables get a trigram index of their folded text, created by a
migration (``TrigramSearchIndex``, an operation that ``sqlmigrate`` and ``migrate --plan`` show
like any other):

* SQLite: a contentless FTS5 table with the ``trigram`` tokenizer beside each table, holding the
  folded columns, kept in step by triggers. ``contains()`` asks it for texts of three characters
  or more; shorter texts are compared row by row.
* PostgreSQL: the ``pg_trgm`` and ``unaccent`` extensions, an IMMUTABLE ``portal_fold(text)``
  function and a ``GinIndex`` on ``portal_fold(column)``, the very expression ``contains()``
  compares, so the planner uses it.

Two things a migration cannot promise on SQLite: a later migration that *rebuilds* an indexed
table (SQLite's way of altering most columns) drops its triggers with the old table, and a
change to ``fold()`` leaves the index holding the old foldings. Either must be followed by
``TrigramSearchIndex`` again for that table; ``tests/core/test_search.py`` checks, on a database
built by the migrations, that every indexed table has its index and triggers. Writes to an
indexed table need ``portal_fold``, which the portal's connections define: the ``sqlite3``
shell cannot write to those tables.
"""

import unicodedata

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import connections
from django.db.migrations.operations.base import Operation
from django.db.models import F, Func, Lookup, Q, TextField
from django.db.models.expressions import RawSQL

from .translation import language_columns

# The large tables' models declare the fields their trigram index holds, in every language:
# ``search_index_fields = ("title", "summary")`` (a migration builds it: ``TrigramSearchIndex``).
INDEX_DECLARATION = "search_index_fields"
TRIGRAM = 3  # the shortest text a trigram index can answer
FOLD_FUNCTION = "portal_fold"
POSTGRES_FOLD_FUNCTION = (
    f"CREATE OR REPLACE FUNCTION {FOLD_FUNCTION}(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
    "AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$"
)


def fold(text):
    """Text as search compares it: no accents, lower case. ``fold('Città') == 'citta'``."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class Folded(Func):
    """``portal_fold(expression)`` in SQL."""

    function = FOLD_FUNCTION
    output_field = TextField()


class FoldedContains(Lookup):
    """``portal_fold(column) LIKE '%' || portal_fold(text) || '%'``, wildcards in ``text`` escaped."""

    lookup_name = "folded_contains"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return ("%s", [connection.ops.prep_for_like_query(value)])

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        sql = f"{FOLD_FUNCTION}({lhs}) LIKE '%%' || {FOLD_FUNCTION}({rhs}) || '%%' ESCAPE '\\'"
        return sql, [*lhs_params, *rhs_params]


def search_columns(model, fields):
    """The columns ``fields`` stand for: every language's column of a translated field."""
    return [column for field in fields for column in language_columns(model, field)]


def contains(model, fields, text, using="default"):
    """A filter: records where one of ``fields``, in any language, contains ``text`` (folded)."""
    columns = search_columns(model, fields)
    indexed = _fts_columns(model, columns, [text], using)
    condition = Q()
    for name in columns:
        if name not in indexed:
            condition |= Q(FoldedContains(F(name), text))
    if indexed:
        condition |= _fts_match(model, indexed, [text])
    return condition


def contains_all(model, fields, texts, using="default"):
    """A filter: records where each of ``texts`` is in one of ``fields`` (a changelist search).

    When the index covers every column, one index query intersects the texts: a text found in
    nearly every row ("agreement") costs nothing extra, where one lookup per text would list
    100,000 ids.
    """
    columns = search_columns(model, fields)
    if not columns:
        return Q(pk__in=[])
    if texts and _fts_columns(model, columns, texts, using) == columns:
        return _fts_match(model, columns, texts)
    condition = Q()
    for text in texts:
        condition &= contains(model, fields, text, using)
    return condition


def _fts_columns(model, columns, texts, using):
    """The columns an FTS index on SQLite answers for these texts (none on PostgreSQL)."""
    if connections[using].vendor != "sqlite" or any(len(fold(text)) < TRIGRAM for text in texts):
        return []  # PostgreSQL's trigram indexes serve FoldedContains itself
    return [name for name in columns if name in indexed_columns(model)]


def indexed_columns(model):
    """The columns of ``model``'s trigram index: those of its ``search_index_fields``, every language's."""
    return search_columns(model, getattr(model, INDEX_DECLARATION, ()))


def indexed_models(models):
    """The models among ``models`` that declare a trigram index."""
    return [model for model in models if getattr(model, INDEX_DECLARATION, ())]


def _fts_match(model, columns, texts):
    table = _fts_table(model)
    listed = "{" + " ".join(columns) + "}"
    phrases = ['"' + fold(text).replace('"', '""') + '"' for text in texts]  # each text as one phrase
    query = " AND ".join(f"{listed} : {phrase}" for phrase in phrases)
    return Q(pk__in=RawSQL(f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH %s', [query]))


def _fts_table(model):
    return f"{model._meta.db_table}_fts"


def _trigger_names(model):
    return [f"{_fts_table(model)}_{event}" for event in ("insert", "delete", "update")]


def _fts_statements(model, fields):
    """The FTS5 table, its three triggers and the statement that fills it from the table.

    The table is contentless: it holds the folded text, which the table itself does not have.
    A contentless FTS5 row is removed by giving it back the values it was given, which
    ``portal_fold`` (deterministic) recomputes from the old row.
    """
    table, fts = model._meta.db_table, _fts_table(model)
    columns = [model._meta.get_field(field).column for field in fields]
    listed = ", ".join(f'"{column}"' for column in columns)

    def folded(row):
        return ", ".join(f'{FOLD_FUNCTION}({row}."{column}")' for column in columns)

    quoted_table = f'"{table}"'
    insert, delete, update = _trigger_names(model)
    remove_old = f'INSERT INTO "{fts}"("{fts}", rowid, {listed}) VALUES (\'delete\', old.id, {folded("old")});'
    add_new = f'INSERT INTO "{fts}"(rowid, {listed}) VALUES (new.id, {folded("new")});'
    return [
        f'DROP TABLE IF EXISTS "{fts}"',
        f'CREATE VIRTUAL TABLE "{fts}" USING fts5({listed}, content="", tokenize="trigram")',
        f'CREATE TRIGGER "{insert}" AFTER INSERT ON "{table}" BEGIN {add_new} END',
        f'CREATE TRIGGER "{delete}" AFTER DELETE ON "{table}" BEGIN {remove_old} END',
        f'CREATE TRIGGER "{update}" AFTER UPDATE OF {listed} ON "{table}" BEGIN {remove_old} {add_new} END',
        f'INSERT INTO "{fts}"(rowid, {listed}) SELECT id, {folded(quoted_table)} FROM {quoted_table}',
    ]


def _gin_indexes(model, fields):
    return [
        GinIndex(
            OpClass(Folded(field), name="gin_trgm_ops"),
            name=f"{model._meta.db_table}_{model._meta.get_field(field).column}_trgm",
        )
        for field in fields
    ]


def _drop_postgres_trigram_indexes(schema_editor, model):
    """Every trigram index of the table, whichever columns an earlier migration indexed."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname LIKE %s",
            [model._meta.db_table, "%\\_trgm"],
        )
        names = [name for (name,) in cursor.fetchall()]
    for name in names:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class TrigramSearchIndex(Operation):
    """A migration operation: the trigram index of ``model_name``, on its ``fields`` (columns).

    It replaces whatever index the table had. SQLite gets an FTS5 table and triggers, PostgreSQL
    the extensions, the fold function and GIN indexes. It changes no model state: the index is
    the database's, the models keep their fields as they are.
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
            UnaccentExtension().database_forwards(app_label, schema_editor, from_state, to_state)
            schema_editor.execute(POSTGRES_FOLD_FUNCTION)
            _drop_postgres_trigram_indexes(schema_editor, model)
            for index in _gin_indexes(model, self.fields):
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


def snippet(text, query, width=160):
    """The part of ``text`` around the first place it contains ``query`` (folded, as search
    compares): ``(before, match, after)``, for a result to show the match in context with
    ``<mark>``; or ``(start of the text, "", "")`` when the match is elsewhere (a title).
    """
    text = " ".join((text or "").split())
    wanted = fold(query.strip())
    # Fold character by character, so that a position in the folded text is one in the text.
    folded, origin = [], []
    for position, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            origin.append(position)
    start = "".join(folded).find(wanted) if wanted else -1
    if start < 0:
        shortened = text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"
        return shortened, "", ""
    begin, end = origin[start], origin[start + len(wanted) - 1] + 1
    context = max(0, (width - (end - begin)) // 2)
    left = max(0, begin - context)
    right = min(len(text), end + context)
    if left:  # whole words only
        left = text.rfind(" ", 0, left) + 1
    if right < len(text):
        right = text.find(" ", right) if text.find(" ", right) >= 0 else len(text)
    before = ("… " if left else "") + text[left:begin]
    after = text[end:right] + (" …" if right < len(text) else "")
    return before, text[begin:end], after


def closest_name(text, names, using="default"):
    """The name in ``names`` (a queryset's values of one text column) closest to ``text``, for "did you
    mean …?": trigram similarity on PostgreSQL (``pg_trgm``), difflib's ratio on SQLite; ``None``
    when nothing is close enough. Returns ``(name, score)``.
    """
    wanted = fold(text.strip())
    if not wanted:
        return None
    if connections[using].vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        column = names.query.values_select[0]
        row = (
            names.annotate(similarity=TrigramSimilarity(Folded(F(column)), wanted))
            .filter(similarity__gte=SIMILAR_ENOUGH["postgresql"])
            .order_by("-similarity")
            .values_list(column, "similarity")
            .first()
        )
        return (row[0], row[1]) if row else None
    import difflib

    best = None
    for name in set(names):
        if not name:
            continue
        score = difflib.SequenceMatcher(None, wanted, fold(name)).ratio()
        if score >= SIMILAR_ENOUGH["sqlite"] and (best is None or score > best[1]):
            best = (name, score)
    return best


# How close a name must be to be suggested: pg_trgm's similarity (shared trigrams) and difflib's
# ratio (matching characters) measure differently; "chongquing" is 0.56 and 0.95 from "Chongqing".
SIMILAR_ENOUGH = {"postgresql": 0.3, "sqlite": 0.75}
