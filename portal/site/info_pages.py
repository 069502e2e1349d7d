"""The first texts of the footer's information pages, in Italian and English.

A migration creates the pages from these texts and the page view recreates one that is missing
(a database emptied by a test, a row deleted by hand); editors change them in the admin. The
institution's name and contacts, the licence, the points the law asks of the privacy notice and the
accessibility statement's structure (templates/portal/legal/) come from the settings and are shown
by the template above the texts, so the texts do not repeat them and no edit can drop them.
"""

DEFAULT_TEXTS = {
    "legal-notes": {
        "title_it": "Note legali",
        "title_en": "Legal notes",
        "body_it": (
            "Questo portale è pubblicato dalla Regione Emilia-Romagna e presenta i rapporti della Regione "
            "e della città di Bologna con i loro partner asiatici: accordi, partenariati, eventi e dati "
            "economici.\n\n"
            "Ogni fatto indica il documento e la sezione da cui proviene. Le date sono riportate con la "
            "precisione della fonte; quando la fonte non indica una data, il portale lo dice.\n\n"
            "Testi e dati si possono riutilizzare alle condizioni della pagina «Licenza dei dati».\n\n"
            "Il portale contiene collegamenti ad altri siti, il cui contenuto non dipende dalla redazione "
            "del portale."
        ),
        "body_en": (
            "This portal is published by the Emilia-Romagna Region and presents the relations of the "
            "Region and the city of Bologna with their Asian partners: agreements, partnerships, events "
            "and economic figures.\n\n"
            "Every fact names the document and section it comes from. Dates are given as precisely as "
            "the source gives them; when a source gives no date, the portal says so.\n\n"
            "Texts and data may be reused on the terms of the page “Licence of the data”.\n\n"
            "The portal links to other sites, whose content does not depend on the portal's editors."
        ),
    },
    "privacy": {
        "title_it": "Informativa sulla privacy",
        "title_en": "Privacy notice",
        "body_it": (
            "Il portale non chiede dati personali ai visitatori, non ha account per i visitatori e non "
            "installa cookie nel loro browser (si veda l'informativa sui cookie)."
        ),
        "body_en": (
            "The portal asks visitors for no personal data, has no visitor accounts and sets no cookie "
            "in their browser (see the cookie notice)."
        ),
    },
    "cookies": {
        "title_it": "Informativa sui cookie",
        "title_en": "Cookie notice",
        "body_it": (
            "Il portale non installa alcun cookie nel browser dei visitatori: né propri né di terze "
            "parti. Non usa strumenti di statistica, pubblicità o contenuti incorporati da altri siti. "
            "Per questo non mostra alcun banner sui cookie.\n\n"
            "Solo chi fa parte della redazione e accede all'area di amministrazione riceve due cookie "
            "tecnici, necessari per l'accesso: la sessione, che termina alla chiusura del browser, e la "
            "protezione dalle richieste contraffatte (CSRF)."
        ),
        "body_en": (
            "The portal sets no cookie in visitors' browsers: neither its own nor third parties'. It "
            "uses no analytics, no advertising and no content embedded from other sites. That is why "
            "it shows no cookie banner.\n\n"
            "Only the editors who sign in to the administration receive two technical cookies, needed "
            "to sign in: the session, which ends when the browser is closed, and the protection "
            "against forged requests (CSRF)."
        ),
    },
    "accessibility": {
        "title_it": "Accessibilità",
        "title_en": "Accessibility",
        "body_it": (
            "La Regione Emilia-Romagna si impegna a rendere questo portale accessibile, secondo la "
            "Legge 9 gennaio 2004, n. 4 e le Linee guida sull'accessibilità degli strumenti "
            "informatici dell'AgID.\n\n"
            "Le pagine seguono il sistema di design della pubblica amministrazione (Bootstrap Italia), "
            "si possono usare con la tastiera e con i lettori di schermo, si adattano allo schermo del "
            "telefono e all'ingrandimento del testo, e non richiedono JavaScript."
        ),
        "body_en": (
            "The Emilia-Romagna Region is committed to making this portal accessible, in accordance "
            "with Law no. 4 of 9 January 2004 and AgID's Guidelines on the accessibility of IT tools.\n\n"
            "The pages follow the Italian public administration's design system (Bootstrap Italia), "
            "can be used with a keyboard and with screen readers, adapt to a phone's screen and to "
            "enlarged text, and need no JavaScript."
        ),
    },
    "data-licence": {
        "title_it": "Licenza dei dati",
        "title_en": "Licence of the data",
        "body_it": (
            "Salvo dove è indicato diversamente, i testi e i dati del portale sono pubblicati con la "
            "licenza indicata qui sopra. Si possono copiare, distribuire e adattare, anche per fini "
            "commerciali, citando la fonte: «Emilia-Romagna & Asia – Regione Emilia-Romagna» e il "
            "documento che ogni fatto indica.\n\n"
            "Le immagini possono avere condizioni proprie, indicate nei relativi crediti."
        ),
        "body_en": (
            "Unless stated otherwise, the texts and data of the portal are published under the licence "
            "named above. They may be copied, shared and adapted, also commercially, provided the "
            "source is credited: “Emilia-Romagna & Asia – Emilia-Romagna Region” and the document "
            "each fact names.\n\n"
            "Images may carry terms of their own, given in their credit."
        ),
    },
}


def create_missing(InfoPage, kinds=None):
    """Create the pages of ``kinds`` (all by default) that do not exist, with their first texts."""
    for kind, texts in DEFAULT_TEXTS.items():
        if kinds is None or kind in kinds:
            InfoPage.objects.get_or_create(
                kind=kind, defaults={**texts, "title": texts["title_it"], "body": texts["body_it"]}
            )
