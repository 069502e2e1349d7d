"""The privacy notice's and the accessibility page's first texts, shortened: what the law asks
of them (controller, DPO, legal basis, data, retention, rights; AgID's model of the statement) is
now drawn by the template from the settings (issue 24). A page is changed only where it still has
its first text word for word, so an editor's own text is kept."""

from django.db import migrations

# kind: {field: (the first text, the shortened one)}
FIRST_TEXTS = {
    "privacy": {
        "body_it": (
            "Il portale non chiede dati personali ai visitatori e non ha account per i visitatori.\n\n- **Registri del server.** Come ogni server web, il server del portale registra ogni richiesta (indirizzo di rete del dispositivo, pagina, ora, descrizione del browser) nei propri registri tecnici, per far funzionare il servizio e proteggerlo da abusi.\n- **«Questa pagina ti è stata utile?».** Della risposta si conta solo il numero di stelle per pagina. Per fermare gli invii automatici, il portale tiene in memoria un'impronta crittografica (hash) dell'indirizzo di rete, che non permette di risalire all'indirizzo, per un giorno al massimo; l'impronta non è mai scritta nella banca dati.\n- **Redazione.** Chi aggiorna il portale accede con un account personale; il nome della persona e le modifiche che fa sono registrati nella storia delle modifiche di ogni scheda.\n\nSecondo il Regolamento (UE) 2016/679 (GDPR) ciascuno può chiedere alla Regione l'accesso ai dati che lo riguardano, la loro rettifica o la loro cancellazione, rivolgendosi ai contatti in fondo a ogni pagina.",
            "Il portale non chiede dati personali ai visitatori, non ha account per i visitatori e non installa cookie nel loro browser (si veda l'informativa sui cookie).",
        ),
        "body_en": (
            "The portal asks visitors for no personal data and has no visitor accounts.\n\n- **Server logs.** Like every web server, the portal's server records each request (the network address of the device, the page, the time, the browser's description) in its technical logs, to run the service and protect it from abuse.\n- **“Was this page useful?”** Only the number of stars per page is counted. To stop automated answers, the portal keeps in memory a keyed digest of the network address, from which the address cannot be recovered, for one day at most; the digest is never written to the database.\n- **Editors.** The people who keep the portal up to date sign in with a personal account; their name and their changes are recorded in the history of each record.\n\nUnder Regulation (EU) 2016/679 (GDPR) anyone may ask the Region for access to the data about them, their correction or their deletion, at the contacts at the foot of every page.",
            "The portal asks visitors for no personal data, has no visitor accounts and sets no cookie in their browser (see the cookie notice).",
        ),
    },
    "accessibility": {
        "body_it": (
            "La Regione Emilia-Romagna si impegna a rendere questo portale accessibile, secondo la Legge 9 gennaio 2004, n. 4 e le Linee guida sull'accessibilità degli strumenti informatici dell'AgID.\n\nLe pagine seguono il sistema di design della pubblica amministrazione (Bootstrap Italia), si possono usare con la tastiera e con i lettori di schermo, si adattano allo schermo del telefono e all'ingrandimento del testo, e non richiedono JavaScript.\n\nSe una segnalazione inviata ai contatti in fondo a ogni pagina non riceve risposta entro 30 giorni, o la risposta non è soddisfacente, è possibile rivolgersi all'AgID.",
            "La Regione Emilia-Romagna si impegna a rendere questo portale accessibile, secondo la Legge 9 gennaio 2004, n. 4 e le Linee guida sull'accessibilità degli strumenti informatici dell'AgID.\n\nLe pagine seguono il sistema di design della pubblica amministrazione (Bootstrap Italia), si possono usare con la tastiera e con i lettori di schermo, si adattano allo schermo del telefono e all'ingrandimento del testo, e non richiedono JavaScript.",
        ),
        "body_en": (
            "The Emilia-Romagna Region is committed to making this portal accessible, in accordance with Law no. 4 of 9 January 2004 and AgID's Guidelines on the accessibility of IT tools.\n\nThe pages follow the Italian public administration's design system (Bootstrap Italia), can be used with a keyboard and with screen readers, adapt to a phone's screen and to enlarged text, and need no JavaScript.\n\nIf a report sent to the contacts at the foot of every page gets no answer within 30 days, or the answer is not satisfactory, you can turn to AgID.",
            "The Emilia-Romagna Region is committed to making this portal accessible, in accordance with Law no. 4 of 9 January 2004 and AgID's Guidelines on the accessibility of IT tools.\n\nThe pages follow the Italian public administration's design system (Bootstrap Italia), can be used with a keyboard and with screen readers, adapt to a phone's screen and to enlarged text, and need no JavaScript.",
        ),
    },
}


def shorten(apps, schema_editor, direction=1):
    InfoPage = apps.get_model("site", "InfoPage")
    for kind, fields in FIRST_TEXTS.items():
        page = InfoPage.objects.filter(kind=kind).first()
        if page is None:
            continue
        for field, texts in fields.items():
            was, becomes = texts[::direction]
            if getattr(page, field) == was:
                setattr(page, field, becomes)
                if field == "body_it":
                    page.body = becomes
        page.save()


def restore(apps, schema_editor):
    shorten(apps, schema_editor, direction=-1)


class Migration(migrations.Migration):
    dependencies = [("site", "0004_info_pages_native_italian")]
    operations = [migrations.RunPython(shorten, restore)]
