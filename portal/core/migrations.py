"""Helpers for the apps' data migrations."""

from django.db.models import F, Q

from .translation import column, translated_fields


def copy_original_text_to_english(app_label):
    """A RunPython function: each translated field's original column becomes its English text,
    where the English column is still empty — in the records and in their history.

    The translated fields are read from the registered models, the rows written through the
    migration's own historical models (which have the ``_en`` columns from the migration before);
    a field that a later migration adds is not there yet, and is skipped.
    """

    def forwards(apps, schema_editor):
        from django.apps import apps as registry

        for model in registry.get_app_config(app_label).get_models():
            fields = translated_fields(model)
            if not fields:
                continue
            for name in (model._meta.model_name, f"historical{model._meta.model_name}"):
                state = apps.get_model(app_label, name)
                present = {field.name for field in state._meta.get_fields()}
                for field in fields:
                    english = column(field, "en")
                    if english not in present:  # a field added by a later migration
                        continue
                    empty = Q(**{f"{english}__isnull": True}) | Q(**{english: ""})
                    state.objects.filter(empty).update(**{english: F(field)})

    return forwards
