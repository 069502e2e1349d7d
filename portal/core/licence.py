"""The licence of the portal's texts and data, named as each language names it officially:
«Creative Commons Attribuzione 4.0 Internazionale» on the Italian pages, "Attribution 4.0
International" on the English ones (``PORTAL_DATA_LICENCE`` in the settings)."""

from dataclasses import dataclass

from django.conf import settings

from . import grammar


@dataclass(frozen=True)
class DataLicence:
    name: str
    url: str
    identifier: str  # the Open Definition's: "CC-BY-4.0"


def data_licence(lang=None):
    """The licence with its name in ``lang`` (the active language by default)."""
    licence = settings.PORTAL_DATA_LICENCE
    return DataLicence(
        name=licence[f"name_{lang or grammar.language()}"], url=licence["url"], identifier=licence["identifier"]
    )


def names_by_language():
    """{"it": …, "en": …}: the licence's name in each language, for data that carries both."""
    return {lang: data_licence(lang).name for lang in ("it", "en")}
