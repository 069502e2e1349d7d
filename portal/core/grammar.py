"""The grammar the portal's sentences need when they put a name or a noun into a phrase.

Italian writes a name with its article, and merges the article with the preposition before it:
«la Regione Emilia-Romagna», «della Regione», «dall'Unione europea», «nell'ASEAN»; a noun's
article depends on its gender and first letters («l'accordo», «lo stato», «la tappa»), and so
do the words that agree with it («è stato aggiunto», «è stata aggiunta», «un'altra tappa»).
English needs only "the" where a name takes it: "the Emilia-Romagna Region", "of China".

Names carry their article in each language as data (``NameArticle.name_article``, set by the
editors); nouns (the admin's model names) carry a gender (``FEMININE`` or ``MASCULINE``).
"""

import re

from django.utils.translation import get_language

MASCULINE, FEMININE = "masculine", "feminine"

# The articles a name may take, in each language ("" for none: a city, "Arte e Salute").
ARTICLES = {"it": ("", "il", "lo", "la", "l'", "i", "gli", "le"), "en": ("", "the")}

# English prepositions as the sentences use them, and their Italian counterparts.
ITALIAN_PREPOSITIONS = {"of": "di", "by": "da", "from": "da", "in": "in", "about": "su", "to": "a", "with": "con"}
# Italian prepositions that merge with the article that follows («di» + «la» = «della»).
MERGED = {
    "di": {"il": "del", "lo": "dello", "la": "della", "l'": "dell'", "i": "dei", "gli": "degli", "le": "delle"},
    "a": {"il": "al", "lo": "allo", "la": "alla", "l'": "all'", "i": "ai", "gli": "agli", "le": "alle"},
    "da": {"il": "dal", "lo": "dallo", "la": "dalla", "l'": "dall'", "i": "dai", "gli": "dagli", "le": "dalle"},
    "in": {"il": "nel", "lo": "nello", "la": "nella", "l'": "nell'", "i": "nei", "gli": "negli", "le": "nelle"},
    "su": {"il": "sul", "lo": "sullo", "la": "sulla", "l'": "sull'", "i": "sui", "gli": "sugli", "le": "sulle"},
}


def language():
    """The active language's code, reduced to the two the portal writes ("it" otherwise)."""
    return "en" if (get_language() or "").startswith("en") else "it"


def _joined(first, word):
    """An article or merged preposition before a word: «l'» and «dell'» take no space."""
    if not first:
        return word
    return f"{first}{word}" if first.endswith("'") else f"{first} {word}"


def prefix(preposition, article, lang=None):
    """What goes before a name: ``prefix("by", "la")`` is «dalla » in Italian, "by the " in English.

    ``preposition`` is the English one ("of", "by", "in", "about", "to", "with") or "" for the
    article alone. The result ends with the space the name needs, or with an apostrophe.
    """
    lang = lang or language()
    if lang == "it":
        word = ITALIAN_PREPOSITIONS.get(preposition, preposition) if preposition else ""
        if word and article and word in MERGED:
            return _joined(MERGED[word][article], "")
        return _joined(_joined(word, article) if word else article, "")
    words = " ".join(part for part in (preposition, article) if part)
    return f"{words} " if words else ""


def phrase(preposition, article, name, lang=None):
    """The name in its phrase: ``phrase("of", "la", "Cina")`` is «della Cina»."""
    return prefix(preposition, article, lang) + name


# Italian nouns: «lo» before s + consonant, z, gn, ps, pn, x, y, i + vowel; elision before a vowel.
_LO = re.compile(r"^(s[bcdfgklmnpqrstvz]|z|gn|ps|pn|x|y|i[aeiou])", re.I)
_VOWEL = re.compile(r"^[aeiouàèéìòóùh]", re.I)


def definite_article(noun, gender, plural=False):
    """The Italian definite article of a noun: «l'» accordo, «lo» stato, «gli» accordi, «la» tappa."""
    if gender == FEMININE:
        if plural:
            return "le"
        return "l'" if _VOWEL.match(noun) else "la"
    if plural:
        return "gli" if _VOWEL.match(noun) or _LO.match(noun) else "i"
    if _VOWEL.match(noun):
        return "l'"
    return "lo" if _LO.match(noun) else "il"


def with_definite_article(noun, gender, lang=None):
    """«l'accordo», «la tappa»; "the agreement" in English."""
    if (lang or language()) == "en":
        return f"the {noun}"
    return _joined(definite_article(noun, gender), noun)


def another(noun, gender, lang=None):
    """«un altro accordo», «un'altra tappa»; "another agreement"."""
    if (lang or language()) == "en":
        return f"another {noun}"
    return f"un'altra {noun}" if gender == FEMININE else f"un altro {noun}"


def capitalised(text):
    """The first letter in capitals, the rest as written («L'accordo», "The agreement")."""
    return text[:1].upper() + text[1:]
