"""Every Italian string the portal shows, read for the mistakes a native reader trips on (issue 22).

The strings are the interface's (both catalogues in locale/, every translated message) and the
content's (every Italian text of the fixtures); each pattern below caught a real mistake once:
«Il accordo», «un altro tappa», «Durata: non indicato», «1 febbraio 2019», «di Regione
Emilia-Romagna», «I 8 partner», English quotation marks, «paesi» beside «Paesi», «Corea del
Sud» beside «Repubblica di Corea», «importati dalla Corea» (by Korea, or from it?).
Strings are checked as text: HTML tags and placeholders' names do not count, placeholders do.
"""

import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

MONTHS = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"
VOWEL = "aeiouàèéìòóùAEIOU"
PLACEHOLDER = r"(%\(\w+\)[sd]|\{\w+\}|%s)"
# A year takes «il» whatever it is («il 1989», «il 2015»): the article before it is safe.
NOT_A_YEAR = r"(?!%\(year\)|\{min\}|\{max\})"
FEMININE_LABELS = (
    "Durata|Scadenza|Entrata in vigore|Data del documento|Data di consultazione|Data|Licenza|Lingua|Valuta|Fonte"
)

PATTERNS = {
    "«il» before a vowel (l')": rf"\b[Ii]l [{VOWEL}]",
    "an article before a placeholder, whose gender and first letter it cannot know": (
        rf"\b([Ii]l|[Ll]o|[Ii]|[Gg]li) {NOT_A_YEAR}{PLACEHOLDER}"
    ),
    "«un altro» before a placeholder or a feminine noun": (
        rf"\bun altro ({PLACEHOLDER}|(?!ha\b)\w+(?<!sistem)a\b|\w+ione\b|\w+tà\b)"
    ),
    "«un» before a feminine noun starting with a vowel (un')": rf"\bun [{VOWEL}]\w*(a|ione|tà)\b",
    "«non indicato» after a feminine label": rf"\b({FEMININE_LABELS})\s*:\s*non indicato\b",
    "the first of a month without «º»": rf"(?<![\dº])\b1 ({MONTHS})\b",
    "«Regione» without its article after a preposition": r"\b([Dd]i|[Dd]a|[Ii]n|[Ss]u|[Cc]on) Regione\b",
    # «l'8 marzo», «gli 11 partner», «l'80%»: a number said with a vowel first (otto, undici) takes l'/gli.
    "«il» or «i» before a number said with a vowel first": r"\b([Ii]l|[Ii]) (8[\d.,]*|11|11\.\d{3}|18\.\d{3})(?![\d])",
    "English or straight quotation marks in Italian («…»)": r"[\"“”]",
    "a typographic apostrophe where the portal writes '": r"’",
    "«paesi» in lower case (the portal writes «Paesi»)": r"(?<![\w-])paes[ei](?![\w-])",  # not in an identifier
    "«Corea del Sud» (the portal's name is «Repubblica di Corea»)": r"Corea del Sud",
    "«importato da»: imported by, or from?": r"\bimportat[oiae] da(l|lla|llo|i|gli|lle|ll')?\b",
    "Django's calque «con successo»": r"con successo",
}
# Strings that say the pattern on purpose, with the reason.
ALLOWED = {
    (
        "Corea del Sud",
        "Detta anche Corea del Sud, come nel documento *Business & Asia*.",
    ): "the Korea page names the other name the source uses, once",
}

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("**/it/LC_MESSAGES/django.po"))
FIXTURES = sorted(Path(settings.BASE_DIR, "fixtures").glob("*.json"))


def as_text(string):
    """A string as a reader sees it: no HTML tags (their attributes keep straight quotes)."""
    return re.sub(r"<[^>]+>", "", string)


def catalogue_strings():
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags or entry.msgctxt == "web address":
                continue  # the words of the addresses are lower case
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                if text:
                    yield f"{path.parent.parent.parent.name}: {entry.msgid[:60]!r}", text


def fixture_strings():
    for path in FIXTURES:
        for record in json.loads(path.read_text()):
            for field, value in record["fields"].items():
                if field.endswith("_it") and isinstance(value, str) and value:
                    yield f"{path.name}: {record['model']} {record['fields'].get('slug', '')} {field}", value


def mistakes(strings, pattern):
    found = []
    for where, text in strings:
        match = re.search(pattern, as_text(text))
        if match and (match.group(0), text) not in ALLOWED:
            found.append((where, match.group(0), text[:120]))
    return found


@pytest.mark.parametrize("name", PATTERNS)
def test_no_italian_string_of_the_interface_trips_a_native_reader(name):
    found = mistakes(catalogue_strings(), PATTERNS[name])
    assert not found, f"{name}:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize("name", PATTERNS)
def test_no_italian_text_of_the_content_trips_a_native_reader(name):
    found = mistakes(fixture_strings(), PATTERNS[name])
    assert not found, f"{name}:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize(
    ("name", "wrong", "right"),
    [
        ("«il» before a vowel (l')", "Il accordo «X» è stato aggiunto.", "L'accordo «X» è stato aggiunto."),
        ("«un altro» before a placeholder or a feminine noun", "Aggiungi un altro tappa", "Aggiungi un altro accordo"),
        ("«non indicato» after a feminine label", "Durata: non indicato", "Editore: non indicato"),
        ("the first of a month without «º»", "1 febbraio 2019", "1º febbraio 2019"),
        ("«Regione» without its article after a preposition", "Contatti di Regione Emilia-Romagna", "della Regione"),
        ("«il» or «i» before a number said with a vowel first", "I 8 partner", "Gli 8 partner"),
        ("«il» or «i» before a number said with a vowel first", "Scade il 11 marzo", "Scade il 21 marzo"),
        (
            "an article before a placeholder, whose gender and first letter it cannot know",
            "I %(counter)s partner",
            "tra il {min} e il {max}",
        ),
        ("English or straight quotation marks in Italian («…»)", "detto “Go Global”", '<a href="/x">«Go Global»</a>'),
        ("«paesi» in lower case (the portal writes «Paesi»)", "i paesi membri", "i Paesi membri"),
        ("«importato da»: imported by, or from?", "Prodotti importati dalla Corea", "acquistati dalla Corea"),
    ],
)
def test_each_pattern_finds_the_mistake_it_is_for_and_not_the_right_form(name, wrong, right):
    assert mistakes([("example", wrong)], PATTERNS[name])
    assert not mistakes([("example", right)], PATTERNS[name])
