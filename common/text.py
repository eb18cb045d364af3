"""Text folding for a search that tolerates umlauts, ß and their spellings, in every script of the UI.

A text is folded to lower case; ä/ae → a, ö/oe → o, ü/ue → u, ß → ss; punctuation → space. Arabic is
normalised as Lucene's ArabicNormalizer does (short vowels, shadda and tatweel dropped; أ إ آ ٱ → ا,
ى → ي, ة → ه), Russian ё → е. A query is folded the same way and every word must occur. This is the same
on SpatiaLite and PostGIS, needs no extension, and is fast enough for a district's directory, events and
resources. (The directory understands more than that: atlas/directory/search/.)
"""

import re
import unicodedata

from django.db.models import Q

# Applied before lower(): "İ".lower() would be "i" + a combining dot.
_BEFORE_LOWER = str.maketrans({"İ": "i"})
_LETTERS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "à": "a", "ç": "c",
                          "ş": "s", "ğ": "g", "ı": "i",
                          "ё": "е",
                          "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# Arabic short vowels, tanwin, shadda, sukun, dagger alif (U+064B–U+065F, U+0670) and the tatweel (U+0640).
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_DIGRAPHS = re.compile(r"([aou])e")
_NON_WORD = re.compile(r"[^\w]+")
MAX_QUERY_WORDS = 8


def fold_words(text):
    """'Türkisch-Deutscher Verein, Straße' → 'turkisch deutscher verein strasse'."""
    text = unicodedata.normalize("NFC", text or "").translate(_BEFORE_LOWER).lower().translate(_LETTERS)
    text = _DIGRAPHS.sub(r"\1", _ARABIC_MARKS.sub("", text))
    return " ".join(_NON_WORD.sub(" ", text).split())


def query_words(query):
    """The folded words of a query, at most MAX_QUERY_WORDS."""
    return fold_words(query).split()[:MAX_QUERY_WORDS]


def search_filter(query, field="search_text"):
    """A Q object requiring every word of the query (at most MAX_QUERY_WORDS) in `field`."""
    condition = Q()
    for word in query_words(query):
        condition &= Q(**{f"{field}__contains": word})
    return condition
