"""One address of every kind of public page, for the checks that run on each (axe, the HTML
checker), in each language: ``PAGE_TYPES`` has the English addresses, ``ITALIAN_PAGE_TYPES`` the
Italian ones, ``PAGES_IN_BOTH_LANGUAGES`` both."""

PAGE_TYPES = {
    "home": "/en/",
    "country list": "/en/countries/",
    "country": "/en/countries/china/",
    "grouping": "/en/countries/asean/",
    "partner list filtered": "/en/partners/?country=japan",
    "partner": "/en/partners/itabashi/",
    "agreement list filtered": "/en/agreements/?country=china&year_from=2010",
    "agreement list invalid filter": "/en/agreements/?year_from=abc&country=atlantis",
    "agreement": "/en/agreements/eu-japan-economic-partnership-agreement/",
    "milestone": "/en/milestones/itabashi-public-library-opens-with-bologna-section/",
    "timeline": "/en/timeline/?country=japan",
    "agreement list by status and level": "/en/agreements/?status=in-force&level=european-union",
    "map": "/en/map/",
    "country with a map": "/en/countries/japan/",
    "business": "/en/business/",
    "strategy": "/en/business/strategies/go-global-2021-2025/",
    "organisations": "/en/organisations/",
    "organisation": "/en/organisations/municipality-of-bologna/",
    "network": "/en/networks/unesco-creative-cities-network/",
    "about": "/en/about/",
    "source": "/en/sources/business-and-asia/",
    "search": "/en/search/?q=bologna",
    "empty search": "/en/search/",
    "sitemap": "/en/sitemap/",
    "legal notes": "/en/info/legal-notes/",
    "accessibility": "/en/info/accessibility/",
    "open data": "/en/data/",
    "not found": "/en/no-such-page/",
}


# The same pages at their Italian addresses (tests/site/test_languages.py checks they are the
# ones the portal links).
ITALIAN_PAGE_TYPES = {
    "home": "/it/",
    "country list": "/it/paesi/",
    "country": "/it/paesi/cina/",
    "grouping": "/it/paesi/asean/",
    "partner list filtered": "/it/partner/?country=japan",
    "partner": "/it/partner/itabashi/",
    "agreement list filtered": "/it/accordi/?country=china&year_from=2010",
    "agreement list invalid filter": "/it/accordi/?year_from=abc&country=atlantis",
    "agreement": "/it/accordi/accordo-di-partenariato-economico-ue-giappone/",
    "milestone": "/it/tappe/biblioteca-pubblica-di-itabashi-sezione-bologna/",
    "timeline": "/it/cronologia/?country=japan",
    "agreement list by status and level": "/it/accordi/?status=in-force&level=european-union",
    "map": "/it/mappa/",
    "country with a map": "/it/paesi/giappone/",
    "business": "/it/business/",
    "strategy": "/it/business/strategie/go-global-2021-2025/",
    "organisations": "/it/organizzazioni/",
    "organisation": "/it/organizzazioni/comune-di-bologna/",
    "network": "/it/reti/rete-citta-creative-unesco/",
    "about": "/it/il-portale/",
    "source": "/it/fonti/business-and-asia/",
    "search": "/it/cerca/?q=bologna",
    "empty search": "/it/cerca/",
    "sitemap": "/it/mappa-del-sito/",
    "legal notes": "/it/informazioni/note-legali/",
    "accessibility": "/it/informazioni/accessibilita/",
    "open data": "/it/dati/",
    "not found": "/it/pagina-inesistente/",
}

PAGES_IN_BOTH_LANGUAGES = {
    f"{name} ({language})": (ITALIAN_PAGE_TYPES if language == "it" else PAGE_TYPES)[name]
    for name in PAGE_TYPES
    for language in ("it", "en")
}
