"""Normalisation of free-text address queries: the one place that knows how people write addresses.

`normalize_query("Carl-Schurz-Str. 31 a, 13597 Berlin-Spandau")` splits the text into street, house
number, suffix, postcode and locality hints and derives matching keys that are insensitive to case,
"Straße"/"Strasse"/"Str."/"str", hyphens and spaces, and umlauts written as "ü", "ue" or plain "u".
"""

import re
import unicodedata
from dataclasses import dataclass, field

# "ae"/"oe"/"ue" and plain vowels all fold to the plain vowel, so "Schönwalder", "Schoenwalder" and
# "Schonwalder" share a key. The fold is applied to the official names and to queries alike.
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "à": "a"})
_DIGRAPHS = re.compile(r"([aou])e")
_STRASSE = re.compile(r"(strasse|strase|strsse|str)(?![a-z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})

POSTCODE = re.compile(r"(?<!\d)(1[0-4]\d{3})(?!\d)")
# Words that locate the whole city, not a place in it.
_CITY = re.compile(r"^(?:berlin|deutschland|germany|de)$", re.IGNORECASE)
_CITY_PREFIX = re.compile(r"^berlin[\s-]+", re.IGNORECASE)
_TRAILING_CITY = re.compile(r"[\s,]+(?:berlin(?:[\s-]+[^\d,]+)?|deutschland|germany)\s*$", re.IGNORECASE)
# street, house number, optional suffix letter ("30a", "30 A"), optional range or second number
# ("2-6", "2/4", "12+14") and anything after it (locality words without a comma).
_NUMBER = re.compile(r"^(?P<number>\d{1,4})\s*(?P<suffix>[a-z](?![a-z]))?(?P<rest>.*)$", re.IGNORECASE)
_ADDRESS = re.compile(
    r"^(?P<street>.*?[^\d\s])\.?\s*(?P<number>\d{1,4})\s*(?P<suffix>[a-z](?![a-z]))?"
    r"(?:\s*[-/+]\s*\d{1,4}\s*(?:[a-z](?![a-z]))?)?(?P<rest>.*)$",
    re.IGNORECASE,
)


def fold(text):
    """Matching key of a name: lower case, umlauts and "ae"/"oe"/"ue" folded, "Straße" → "str",
    punctuation and spaces removed. `fold("Carl-Schurz-Str.") == fold("carl schurz strasse")`."""
    text = unicodedata.normalize("NFC", text or "").lower().translate(_UMLAUTS)
    text = _STRASSE.sub("str", _DIGRAPHS.sub(r"\1", text))
    text = _NON_ALNUM.sub("", text)
    return _STRASSE.sub("str", text)


def clean(text):
    """Collapse whitespace, unify dashes, drop doubled and dangling commas."""
    text = unicodedata.normalize("NFC", text or "").translate(_DASHES)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*,[\s,]*", ", ", text)
    return text.strip(" ,;")


@dataclass(frozen=True)
class NormalisedQuery:
    """A parsed query. `street` is as typed (cleaned), `street_key` its `fold`; `name_key` is the
    fold of the whole query without postcode and city words, used for named places."""

    text: str
    street: str = ""
    street_key: str = ""
    number: int | None = None
    suffix: str = ""
    postcode: str = ""
    localities: tuple = field(default_factory=tuple)
    name: str = ""
    name_key: str = ""

    @property
    def has_address(self):
        return bool(self.street_key) and self.number is not None

    @property
    def cache_key(self):
        """Equal for all spellings of the same query."""
        if self.has_address:
            return f"addr|{self.street_key}|{self.number}|{self.suffix}|{self.postcode}"
        return f"name|{self.name_key}|{self.postcode}"

    @property
    def search_text(self):
        """A clean text for online providers: street, number, postcode, "Berlin"."""
        if self.has_address:
            place = f"{self.postcode} Berlin" if self.postcode else "Berlin"
            return f"{self.street} {self.number}{self.suffix}, {place}"
        return f"{self.name}, {self.postcode} Berlin" if self.postcode else f"{self.name}, Berlin"


def normalize_query(text):
    """Parse a free-text query into a `NormalisedQuery` (see module docstring). Never raises."""
    text = clean(text)
    postcode = ""
    match = POSTCODE.search(text)
    if match:
        postcode = match.group(1)
        text = clean(text[: match.start()] + " " + text[match.end():])
    localities = []
    parts = []
    for part in (p.strip() for p in text.split(",")):
        if not part or _CITY.match(part):
            continue
        if _CITY_PREFIX.match(part):
            part = _CITY_PREFIX.sub("", part)
            if fold(part) == "spandau" and parts:
                continue  # "Berlin-Spandau" after a street names the Bezirk: no hint
        parts.append(part)
    if not parts:
        return NormalisedQuery(text=text, postcode=postcode)

    street = number = None
    suffix = ""
    for index, part in enumerate(parts):
        parsed = _parse_address(part)
        if parsed:
            street, number, suffix, rest = parsed
            localities.extend(p for p in (rest, *parts[:index], *parts[index + 1:]) if p)
            break
    if street is None:
        name = _TRAILING_CITY.sub("", parts[0]).strip()
        localities.extend(parts[1:])
        return NormalisedQuery(text=text, postcode=postcode, localities=tuple(localities), name=name,
                               name_key=fold(name))
    name = f"{street} {number}{suffix}"
    return NormalisedQuery(text=text, street=street, street_key=fold(street), number=number, suffix=suffix,
                           postcode=postcode, localities=tuple(localities), name=name, name_key=fold(name))


def _parse_address(part):
    match = _ADDRESS.match(part)
    if not match:
        return None
    street = match.group("street").strip(" .,-")
    rest = _TRAILING_CITY.sub("", " " + match.group("rest")).strip(" ,.-")
    if not fold(street):
        return None
    # Numbered streets ("Straße 133"): the first number belongs to the name when another follows.
    if fold(street) == "str":
        inner = _NUMBER.match(rest)
        if not inner:
            return None
        street = f"{street} {match.group('number')}"
        return street, int(inner.group("number")), (inner.group("suffix") or "").upper(), inner.group("rest").strip()
    return street, int(match.group("number")), (match.group("suffix") or "").upper(), rest


def parse_street_line(text):
    """Split "Hakenfelder Str. 34" (a facility's street field) into (street key, number, suffix);
    (key, None, "") when it has no house number."""
    query = normalize_query(text)
    if query.has_address:
        return query.street_key, query.number, query.suffix
    return query.name_key, None, ""
