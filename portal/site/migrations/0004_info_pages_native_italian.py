"""The footer pages' first texts as a native reader corrected them (issue 22): each phrase is
replaced only where a page still has it, so an editor's own changes are kept."""

from django.db import migrations

# (field, the first text's phrase, the corrected phrase)
CORRECTIONS = [
    (
        "body_it",
        "un'impronta cifrata dell'indirizzo di rete",
        "un'impronta crittografica (hash) dell'indirizzo di rete",
    ),
    ("body_it", "nella cronologia di ogni scheda", "nella storia delle modifiche di ogni scheda"),
    (
        "body_it",
        "la loro rettifica o la loro cancellazione, ai contatti in fondo a ogni pagina.",
        "la loro rettifica o la loro cancellazione, rivolgendosi ai contatti in fondo a ogni pagina.",
    ),
    (
        "body_it",
        "si leggono con la tastiera e con i lettori di schermo",
        "si possono usare con la tastiera e con i lettori di schermo",
    ),
    (
        "body_it",
        "Se una risposta al meccanismo di feedback non arriva entro 30 giorni o non è soddisfacente, "
        "è possibile inviare una segnalazione all'AgID.",
        "Se una segnalazione inviata ai contatti in fondo a ogni pagina non riceve risposta entro 30 giorni, "
        "o la risposta non è soddisfacente, è possibile rivolgersi all'AgID.",
    ),
    (
        "body_en",
        "If an answer to the feedback mechanism does not arrive within 30 days or is not satisfactory, "
        "a report can be sent to AgID.",
        "If a report sent to the contacts at the foot of every page gets no answer within 30 days, "
        "or the answer is not satisfactory, you can turn to AgID.",
    ),
    ("body_it", "indicate nel loro credito.", "indicate nei relativi crediti."),
]


def correct(apps, schema_editor):
    InfoPage = apps.get_model("site", "InfoPage")
    for page in InfoPage.objects.all():
        changed = False
        for field, old, new in CORRECTIONS:
            text = getattr(page, field) or ""
            if old in text:
                setattr(page, field, text.replace(old, new))
                changed = True
        if changed:
            page.body = page.body_it
            page.save()


class Migration(migrations.Migration):
    dependencies = [("site", "0003_info_pages_text")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
