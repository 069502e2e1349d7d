"""Inventory of every fact in the two seed documents (../shared/seeds/), one module per document.

One entry per fact: the record that holds it, the values it must have, the document section
it must cite, and the public pages of its subject that must show it (with a snippet of text
that proves it is there). The tests walk this list; nothing here is computed from the data.
"""

from dataclasses import dataclass, field, replace

A = "emilia-romagna-and-asia"  # 000: "Emilia-Romagna & Asia"
B = "business-and-asia"  # 002: "Business & Asia"


@dataclass(frozen=True)
class SeedFact:
    id: str
    document: str
    section: str
    statement: str
    model: str
    lookup: dict
    expect: dict = field(default_factory=dict)
    pages: tuple = ()  # (url name, slug or None) of the subject's pages
    shows: tuple = ()  # texts each of those pages must contain, in English
    shows_it: tuple = ()  # the same, in Italian (italian.py)


def page(name, slug=None):
    return (name, slug)


HOME = page("portal:home")
TRADE = page("trade:overview")
CHINA = page("portal:country-detail", "china")
KOREA = page("portal:country-detail", "republic-of-korea")
JAPAN = page("portal:country-detail", "japan")


def partner(slug):
    return page("relations:partner-detail", slug)


from .business_and_asia import FACTS as BUSINESS_AND_ASIA  # noqa: E402 - they use the helpers above
from .emilia_romagna_and_asia import FACTS as EMILIA_ROMAGNA_AND_ASIA  # noqa: E402
from .italian import SHOWS_IT  # noqa: E402

FACTS = [replace(fact, shows_it=SHOWS_IT[fact.id]) for fact in [*EMILIA_ROMAGNA_AND_ASIA, *BUSINESS_AND_ASIA]]
assert len(SHOWS_IT) == len(FACTS), "every fact, and only those, has its Italian snippets"
