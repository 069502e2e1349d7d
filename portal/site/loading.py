"""Loading the document facts from ``fixtures/`` — checked, atomic, repeatable and polite.

``loaddata`` saves rows raw: no ``save()``, no validation, and it overwrites whatever has the
same key. Operators use :func:`load_fixtures` (through ``manage.py load_portal_data``) instead:
every record is resolved, converted and validated with ``full_clean()`` inside one
transaction, and one error anywhere leaves the database exactly as it was.

The loader never silently overwrites an editor's work: every save it makes is recorded in the
record's history with the reason ``LOADER_REASON``. A record that differs from its fixture and
whose latest change was made by someone else is a *conflict*: it is kept as the editor left it
and reported, unless ``overwrite`` is asked for.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import get_language_info

from portal.core.translation import column, is_required, languages, translated_fields

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
LOADER_REASON = "load_portal_data"


class FixtureError(Exception):
    """One or more records cannot be loaded; the message names file, record and field."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class LoadReport:
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    conflicts: list = field(default_factory=list)

    def add(self, label, outcome):
        self.counts[label][outcome] += 1

    @property
    def changed(self):
        return any(counter["created"] or counter["updated"] for counter in self.counts.values())

    def lines(self):
        for label in sorted(self.counts):
            counter = self.counts[label]
            line = (
                f"{label}: {counter['created']} created, {counter['updated']} updated, {counter['unchanged']} unchanged"
            )
            if counter["kept"]:
                line += f", {counter['kept']} kept as edited"
            yield line


def default_fixture_paths():
    return sorted(FIXTURES_DIR.glob("*.json"))


def _display_path(path):
    try:
        return str(Path(path).resolve().relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def read_fixture(path):
    """Parse one file into a list of records, or raise FixtureError naming the file and position."""
    name = _display_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FixtureError([f"{name}: cannot be read: {error}"]) from error
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise FixtureError(
            [f"{name}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"]
        ) from error
    if not isinstance(records, list):
        raise FixtureError([f"{name}: the file must hold a JSON list of records"])
    problems = []
    for number, record in enumerate(records, start=1):
        if (
            not isinstance(record, dict)
            or not isinstance(record.get("model"), str)
            or not isinstance(record.get("fields"), dict)
        ):
            problems.append(f'{name}, record {number}: each record needs a "model" name and a "fields" object')
    if problems:
        raise FixtureError(problems)
    return records


def _describe(record):
    fields = record.get("fields", {})
    key = fields.get("slug") or record.get("pk")
    return f"{record['model']} {json.dumps(key, ensure_ascii=False)}" if key else record["model"]


def _resolve(model, value):
    """The related object a fixture value (natural key list, or primary key) refers to."""
    if isinstance(value, list):
        return model._default_manager.get_by_natural_key(*value)
    return model._default_manager.get(pk=value)


def _field_problems(model, fields):
    """Check each field's name, reference and type before Django's deserializer sees it."""
    problems = {}
    for name, value in fields.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            problems[name] = "no such field"
            continue
        if model_field.many_to_many:
            if not isinstance(value, list):
                problems[name] = "must be a list of references"
                continue
            missing = []
            for item in value:
                try:
                    _resolve(model_field.related_model, item)
                except (ObjectDoesNotExist, TypeError, ValueError, ValidationError):
                    missing.append(item)
            if missing:
                problems[name] = (
                    f"unknown {model_field.related_model._meta.label_lower} {json.dumps(missing, ensure_ascii=False)}"
                )
        elif model_field.is_relation:
            if value is None:
                continue
            try:
                _resolve(model_field.related_model, value)
            except (ObjectDoesNotExist, TypeError, ValueError, ValidationError):
                problems[name] = (
                    f"unknown {model_field.related_model._meta.label_lower} {json.dumps(value, ensure_ascii=False)}"
                )
        else:
            try:
                model_field.to_python(value)
            except ValidationError as error:
                problems[name] = "; ".join(error.messages)
            except (TypeError, ValueError) as error:
                problems[name] = str(error)
    return problems


def _language_name(code):
    return get_language_info(code)["name"]  # "Italian", "English": the loader speaks to operators in English


def _translation_problems(model, fields):
    """Translated texts are given per language, and both languages are there.

    A fixture names ``title_it`` and ``title_en``, never a bare ``title`` (which language would
    it be?); a required text needs both; an optional one is given in both or in neither.
    """
    problems = {}
    for name in translated_fields(model):
        per_language = {language: fields.get(column(name, language)) or "" for language in languages()}
        if name in fields:
            listed = " and ".join(f'"{column(name, language)}"' for language in languages())
            problems[name] = f"a translated text: give it per language, as {listed}"
            continue
        present = [language for language, text in per_language.items() if text]
        if present or is_required(model, name):
            every = " and ".join(_language_name(language) for language in languages())
            given = " and ".join(_language_name(language) for language in present)
            for language, text in per_language.items():
                if not text:
                    problems[column(name, language)] = (
                        f"required in every language ({every}): missing in {_language_name(language)}"
                        if is_required(model, name)
                        else f"given in {given} only: give it in {_language_name(language)} too, or in no language"
                    )
    return problems


def _compared_fields(model):
    """Fields a fixture sets: not the key, not timestamps or generated values the database keeps itself."""
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "auto_now", False) and not f.generated
    ]


def _current_state(instance, m2m_values):
    """Concrete field values and many-to-many sets, to tell 'updated' from 'unchanged'."""
    state = {f.attname: getattr(instance, f.attname) for f in _compared_fields(type(instance))}
    for name, values in m2m_values.items():
        state[name] = set(values)
    return state


def _stored_state(instance, m2m_names):
    model = type(instance)
    stored = model._default_manager.get(pk=instance.pk)
    state = {f.attname: getattr(stored, f.attname) for f in _compared_fields(model)}
    for name in m2m_names:
        state[name] = set(getattr(stored, name).values_list("pk", flat=True))
    return state


def _edited_since_loaded(instance):
    """Who changed the stored record last, if not this loader (None when the loader did)."""
    history = getattr(type(instance), "history", None)
    if history is None:
        return None
    latest = history.filter(**{type(instance)._meta.pk.attname: instance.pk}).order_by("-history_date").first()
    if latest is None or latest.history_change_reason == LOADER_REASON:
        return None
    who = latest.history_user or "someone"
    return f"{who} on {latest.history_date:%Y-%m-%d %H:%M}"


def _load_record(record, where, report, overwrite):
    """Validate and save one record; return what happened to it. Raises FixtureError."""
    try:
        model = apps.get_model(record["model"])
    except (LookupError, ValueError):
        raise FixtureError([f'{where}: unknown model "{record["model"]}"']) from None
    problems = _field_problems(model, record["fields"]) | _translation_problems(model, record["fields"])
    if problems:
        raise FixtureError([f'{where}, field "{name}": {message}' for name, message in problems.items()])
    try:
        (deserialized,) = serializers.deserialize("python", [record])
    except serializers.base.DeserializationError as error:
        raise FixtureError([f"{where}: {error}"]) from error
    instance = deserialized.object
    m2m_values = {
        name: [related.pk for related in _m2m_objects(model, name, values)]
        for name, values in ((f.name, record["fields"].get(f.name)) for f in model._meta.many_to_many)
        if values is not None
    }
    exists = instance.pk is not None and model._default_manager.filter(pk=instance.pk).exists()
    instance._state.adding = not exists  # so unique checks do not flag the row as its own duplicate
    try:
        instance.full_clean()
    except ValidationError as error:
        messages = [
            f'{where}, field "{name}": {" ".join(texts)}' if name != "__all__" else f"{where}: {' '.join(texts)}"
            for name, texts in error.message_dict.items()
        ]
        raise FixtureError(messages) from error
    if exists:
        if _stored_state(instance, m2m_values) == _current_state(instance, m2m_values):
            return "unchanged"
        editor = _edited_since_loaded(instance)
        if editor and not overwrite:
            report.conflicts.append(f"{where}: changed by {editor} since it was loaded; kept as edited")
            return "kept"
        outcome = "updated"
    else:
        outcome = "created"
    instance._change_reason = LOADER_REASON
    instance.save()
    for name, pks in m2m_values.items():
        getattr(instance, name).set(pks)
    return outcome


def _m2m_objects(model, name, values):
    related_model = model._meta.get_field(name).related_model
    return [_resolve(related_model, value) for value in values]


def _natural_key(record):
    """(model, key values) of a record, from the fields its model identifies records by."""
    try:
        model = apps.get_model(record["model"])
    except (LookupError, ValueError):
        return None  # reported when the record is loaded
    names = getattr(model, "natural_key_fields", None)
    if names is None:
        return None
    fields = record["fields"]
    return (model._meta.label_lower, *(json.dumps(fields.get(name) or None, sort_keys=True) for name in names))


def duplicate_key_problems(parsed):
    """Records that share a natural key, within or across files: each pair named, file and number.

    Without this, a record given another record's slug silently rewrites that other record.
    """
    first_seen = {}
    problems = []
    for path, records in parsed:
        name = _display_path(path)
        for number, record in enumerate(records, start=1):
            key = _natural_key(record)
            if key is None:
                continue
            where = f"{name}, record {number} ({_describe(record)})"
            if key in first_seen:
                problems.append(f"{where}: has the same natural key as {first_seen[key]}; each record needs its own")
            else:
                first_seen[key] = where
    return problems


def load_fixtures(paths=None, *, dry_run=False, overwrite=False):
    """Load every record of the given fixture files in one transaction and report what changed.

    Raises FixtureError (after rolling back) if any record is malformed, refers to something
    unknown or fails validation; with ``dry_run`` everything is checked and nothing is kept.
    Records an editor changed since they were loaded are kept and listed in ``report.conflicts``
    unless ``overwrite`` is true.
    """
    paths = list(paths) if paths else default_fixture_paths()
    parsed = []
    problems = []
    for path in paths:
        try:
            parsed.append((path, read_fixture(path)))
        except FixtureError as error:
            problems.extend(error.problems)
    problems.extend(duplicate_key_problems(parsed))
    if problems:
        raise FixtureError(problems)

    report = LoadReport()
    with transaction.atomic():
        for path, records in parsed:
            name = _display_path(path)
            for number, record in enumerate(records, start=1):
                where = f"{name}, record {number} ({_describe(record)})"
                try:
                    report.add(record["model"].lower(), _load_record(record, where, report, overwrite))
                except FixtureError as error:
                    problems.extend(error.problems)
        if problems or dry_run:
            transaction.set_rollback(True)
    if problems:
        raise FixtureError(problems)
    return report
