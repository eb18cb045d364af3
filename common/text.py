"""Text folding for a search that tolerates umlauts, ß and their spellings.

A text is folded to lower case; ä/ae → a, ö/oe → o, ü/ue → u, ß → ss; punctuation → space. A query is
folded the same way and every word must occur. This is the same on SpatiaLite and PostGIS, needs no
extension, and is fast enough for a district's directory, events and resources.
"""

import re
import unicodedata

from django.db.models import Q

_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "à": "a", "ç": "c",
                          "ş": "s", "ğ": "g", "ı": "i", "İ": "i"})
_DIGRAPHS = re.compile(r"([aou])e")
_NON_WORD = re.compile(r"[^\w]+")
MAX_QUERY_WORDS = 8

# Words people search for that the names themselves often do not contain ("Hoca Ahmet Yesevi
# Camii" is a mosque). Folded forms; each group matches any of its members.
SYNONYM_GROUPS = [
    {"moschee", "camii", "cami", "mosque", "masjid", "mescit", "islamisch", "islamic"},
    {"kirche", "church", "gemeinde", "kirchengemeinde"},
    {"bibliothek", "bucherei", "library", "stadtbibliothek"},
    {"jugendzentrum", "jugendfreizeiteinrichtung", "jugendtreff", "jugendclub", "youth"},
    {"stadtteilzentrum", "nachbarschaftszentrum", "nachbarschaftshaus", "familienzentrum", "begegnungsstatte"},
]


def fold_words(text):
    """'Türkisch-Deutscher Verein, Straße' → 'turkisch deutscher verein strasse'."""
    text = unicodedata.normalize("NFC", text or "").lower().translate(_UMLAUTS)
    text = _DIGRAPHS.sub(r"\1", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def search_filter(query, field="search_text"):
    """A Q object requiring every word of the query (at most MAX_QUERY_WORDS) in `field`."""
    condition = Q()
    for word in fold_words(query).split()[:MAX_QUERY_WORDS]:
        alternatives = Q()
        for candidate in _synonyms(word):
            alternatives |= Q(**{f"{field}__contains": candidate})
        condition &= alternatives
    return condition


def _synonyms(word):
    for group in SYNONYM_GROUPS:
        if word in group:
            return sorted(group)
    return [word]
