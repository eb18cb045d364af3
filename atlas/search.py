"""Full-text search of the directory that tolerates umlauts, ß and their spellings.

Each entry keeps a folded `search_text` (lower case; ä/ae → a, ö/oe → o, ü/ue → u, ß → ss;
punctuation → space). A query is folded the same way and every word must occur. This is the same
on SpatiaLite and PostGIS, needs no extension, and is fast enough for a district's directory.
"""

import re
import unicodedata

from django.db.models import Q

from atlas.translations import all_translated_texts

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


def build_search_text(entry):
    """The folded text of an entry: its own words (the descriptions in every language, see
    atlas.translations) and the names of what it is linked to."""
    parts = [entry.name, entry.short_description, entry.description, entry.street, entry.postcode]
    parts.extend(all_translated_texts(getattr(entry, "translations", None)))
    if entry.ortsteil_id:
        parts.append(entry.ortsteil.name)
    if entry.pk:
        for relation in ("categories", "languages", "target_groups", "communities"):
            manager = getattr(entry, relation, None)
            if manager is not None:
                parts.extend(str(item) for item in manager.all())
        if hasattr(entry, "languages"):
            parts.extend(language.german_name for language in entry.languages.all())
        place_type = getattr(entry, "place_type", None)
        if place_type is not None:
            parts.append(place_type.name)
    return fold_words(" ".join(part for part in parts if part))
