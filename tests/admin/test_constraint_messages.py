"""An impossible value gets a message in words on its field, never a constraint's name (issue 24)."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from relations.models import Partner
from tests.admin.helpers import form_data
from tests.admin.test_italian_admin import admin_url, italian_editor  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def portal_check_constraints():
    for model in apps.get_models():
        if model._meta.app_label in ("relations", "trade", "site", "core"):
            for constraint in model._meta.constraints:
                if isinstance(constraint, models.CheckConstraint):
                    yield model, constraint


def test_every_check_constraint_says_what_is_wrong_in_both_languages():
    constraints = list(portal_check_constraints())
    assert len(constraints) > 20
    for model, constraint in constraints:
        default = models.CheckConstraint.default_violation_error_message
        message = constraint.violation_error_message
        assert message and message != default, (model.__name__, constraint.name)
        with translation.override("it"):
            italian = str(message)
        with translation.override("en"):
            english = str(message)
        assert italian != english and constraint.name not in italian, (model.__name__, constraint.name)


def test_an_impossible_latitude_is_refused_on_its_field_in_words(italian_editor):  # noqa: F811
    partner = Partner.objects.get(slug="nagoya")
    page = italian_editor.get(admin_url(partner))
    latitude = page.context["adminform"].form["latitude"].as_widget()
    assert 'min="-90"' in latitude and 'max="90"' in latitude
    response = italian_editor.post(admin_url(partner), form_data(page, latitude="96.5", longitude="136.9"))
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["latitude"]
    assert errors["latitude"] == ["Una latitudine va da -90 (il polo Sud) a 90 (il polo Nord): il nord è positivo."]
    assert "partner_coordinates_in_range" not in response.content.decode()
