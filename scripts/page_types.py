"""One address of every kind of public page, for the checks that run on each (axe, the HTML
checker), in each language: ``PAGE_TYPES`` has the English addresses, ``PAGES_IN_BOTH_LANGUAGES``
each of them under ``/it/`` too."""

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


PAGES_IN_BOTH_LANGUAGES = {
    f"{name} ({language})": f"/{language}/{path.removeprefix('/en/')}"
    for name, path in PAGE_TYPES.items()
    for language in ("it", "en")
}
