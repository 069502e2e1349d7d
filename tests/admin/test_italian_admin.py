"""The admin in Italian a native editor trusts (issue 22, items 12 and 13): each message that names a
model agrees with the gender and article of its name; no English is left on the Italian screens."""

import datetime
import json
import re
from html import unescape

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.utils import timezone, translation

from portal.core import grammar
from portal.core.dates import long_datetime
from portal.site.models import EditorSettings
from relations.models import Agreement, Milestone, NetworkMembership, Organisation, Partner
from tests.admin.helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def italian_editor(client):
    """An editor who chose Italian (the suite's other editors read English)."""
    user = User.objects.create_superuser("redattrice", password="x" * 16)
    EditorSettings.objects.filter(user=user).update(language="it")
    client.force_login(user)
    return client


def admin_url(record, action="change"):
    return f"/admin/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/{action}/"


def messages_of(response):
    return [unescape(re.sub(r"<[^>]+>", "", str(message))) for message in response.context["messages"]]


def saved(client, record, **buttons):
    page = client.get(admin_url(record))
    return client.post(admin_url(record), form_data(page, **buttons), follow=True)


@pytest.mark.parametrize(
    ("model", "lookup", "expected"),
    [
        (Agreement, {"slug": "bologna-seongnam-memorandum-of-understanding"}, "L'accordo «{}» è stato modificato."),
        (Organisation, {"slug": "bologna-fair"}, "L'organizzazione «{}» è stata modificata."),
        (Milestone, {"slug": "bologna-fair-towers-by-kenzo-tange"}, "La tappa «{}» è stata modificata."),
        (NetworkMembership, {"partner__slug": "hamamatsu"}, "L'adesione a una rete «{}» è stata modificata."),
        (Partner, {"slug": "nagoya"}, "Il partner «{}» è stato modificato."),
    ],
)
def test_a_save_says_so_with_the_article_and_gender_of_the_models_name(italian_editor, model, lookup, expected):
    record = model.objects.get(**lookup)
    assert messages_of(saved(italian_editor, record)) == [expected.format(record)]


def test_save_and_continue_and_save_and_add_another_agree_too(italian_editor):
    milestone = Milestone.objects.get(slug="bologna-fair-towers-by-kenzo-tange")
    (again,) = messages_of(saved(italian_editor, milestone, _continue="1"))
    assert again == f"La tappa «{milestone}» è stata modificata. Puoi modificarla di nuovo qui sotto."
    (another,) = messages_of(saved(italian_editor, milestone, _addanother="1"))
    assert another == f"La tappa «{milestone}» è stata modificata. Qui sotto puoi aggiungere un'altra tappa."


def test_an_added_record_is_announced_in_its_gender(italian_editor):
    page = italian_editor.get("/admin/relations/domain/add/")
    response = italian_editor.post(
        "/admin/relations/domain/add/", form_data(page, name_it="Sanità", name_en="Health", slug="health"), follow=True
    )
    assert messages_of(response) == ["L'ambito «Sanità» è stato aggiunto."]


def test_a_deletion_asks_and_confirms_in_grammatical_italian(italian_editor):
    milestone = Milestone.objects.get(slug="bologna-fair-towers-by-kenzo-tange")
    question = unescape(italian_editor.get(admin_url(milestone, "delete")).content.decode())
    assert f"Vuoi davvero eliminare la tappa «{milestone}»?" in question
    assert "Sì, confermo" in question and "No, torna indietro" in question
    response = italian_editor.post(admin_url(milestone, "delete"), {"post": "yes"}, follow=True)
    assert messages_of(response) == [f"La tappa «{milestone}» è stata eliminata."]


def test_add_another_buttons_agree_with_their_inlines(italian_editor):
    partner = Partner.objects.get(slug="hamamatsu")
    page = italian_editor.get(admin_url(partner))
    buttons = {
        formset.opts.__class__.__name__: json.loads(formset.inline_formset_data())["options"]["addText"]
        for formset in page.context["inline_admin_formsets"]
    }
    assert buttons["PartnerMilestoneInline"] == "Aggiungi un'altra tappa con questo partner"
    assert buttons["PartnerMembershipInline"] == "Aggiungi un'altra adesione a una rete"
    agreement = Agreement.objects.get(slug="bologna-seongnam-memorandum-of-understanding")
    (signatories,) = italian_editor.get(admin_url(agreement)).context["inline_admin_formsets"]
    assert json.loads(signatories.inline_formset_data())["options"]["addText"] == "Aggiungi un altro firmatario"


FEMININE_ENDINGS = ("a", "ione", "tà")
# Names whose gender their last letters do not tell.
MASCULINE_NAMES = {"Paese obiettivo della strategia", "Paese o gruppo di Paesi"}
FEMININE_NAMES = {"rete"}


def admins_with_a_gender():
    for model, model_admin in admin.site._registry.items():
        if hasattr(model_admin, "italian_gender"):
            yield model_admin, model_admin.italian_gender, model._meta.verbose_name
            for inline in model_admin.inlines:
                yield (
                    inline,
                    getattr(inline, "italian_gender", grammar.MASCULINE),
                    (inline.verbose_name or inline.model._meta.verbose_name),
                )


def test_every_admin_says_the_gender_of_its_models_name():
    """A new model whose admin forgets its gender would read «Il tappa» again: its name's head noun
    (the first word) tells most genders, and the names it cannot tell are listed above."""
    wrong = []
    checked = list(admins_with_a_gender())
    assert len(checked) > 20  # every admin of the portal's models, and their inlines
    with translation.override("it"):
        for model_admin, gender, verbose_name in checked:
            name = str(verbose_name)
            head = name.split()[0]
            looks_feminine = (head.endswith(FEMININE_ENDINGS) and name not in MASCULINE_NAMES) or name in FEMININE_NAMES
            if looks_feminine != (gender == grammar.FEMININE):
                wrong.append((model_admin, name, gender))
    assert not wrong, wrong


def test_the_admin_index_has_no_english_for_screen_readers_or_for_the_login_guard(italian_editor):
    page = italian_editor.get("/admin/").content.decode()
    for english in ["Model name", "Add link", "Change or view list link", "Access attempts", "Access failures"]:
        assert english not in page
    assert "Tipo di contenuto" in page and "Tentativi di accesso" in page


def test_an_inline_of_a_many_to_many_is_headed_in_italian(italian_editor):
    from relations.models import Country

    country = Country.objects.get(slug="japan")
    page = italian_editor.get(admin_url(country)).content.decode()
    inline = page.split('id="Milestone_countries-group"', 1)[1].split("</table>", 1)[0]
    headers = [
        re.sub(r"<[^>]+>|\s+", " ", header).strip() for header in re.findall(r"<th[^>]*>(.*?)</th>", inline, re.S)
    ]
    assert "Tappa" in headers
    assert not [header for header in headers if header.lower() in {"milestone", "edit token"}], headers


def test_a_long_change_in_the_history_says_in_italian_how_much_is_left_out(italian_editor):
    partner = Partner.objects.get(slug="nagoya")
    saved(italian_editor, partner, story_it="Una storia lunga. " * 40)
    history = italian_editor.get(admin_url(partner, "history")).content.decode()
    assert re.search(r"\[\d+ caratteri omessi\]", history)
    assert "chars]" not in history


def test_admin_dates_read_in_full_as_italian_writes_them():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 3, 15, 44))
    first = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 5))
    with translation.override("it"):
        assert long_datetime(moment) == "giovedì 3 dicembre 2026, 15:44"
        assert long_datetime(first) == "martedì 1º dicembre 2026, 09:05"


def test_a_deletion_summary_names_the_links_it_removes_in_italian(italian_editor):
    fair = Organisation.objects.get(slug="bologna-fair")
    milestone = Milestone.objects.get(slug="bologna-fair-towers-by-kenzo-tange")
    milestone.organisations.add(fair)
    page = unescape(italian_editor.get(admin_url(fair, "delete")).content.decode())
    question = page.split('id="content"', 1)[1].split("</form>", 1)[0]
    assert "Collegamenti tappa – organizzazione: 1" in question
    assert f"{milestone} – {fair}" in question
    assert "relationship" not in question.lower() and "milestone-organisation" not in question
    assert "object (" not in question
