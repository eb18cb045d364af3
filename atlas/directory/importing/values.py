"""Parsing the cells of a row. Each parser returns the value or raises CellError with a reason."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from common.text import fold_words

LIST_SEPARATORS = re.compile(r"[,;/\n|]+")
TRUE_WORDS = {"ja", "j", "yes", "y", "x", "1", "true", "wahr", "✓", "✔"}
FALSE_WORDS = {"nein", "n", "no", "0", "false", "falsch", "-", ""}
POSTCODE = re.compile(r"^\s*(?:D-?)?(\d{5})(?:\s+Berlin.*)?\s*$", re.IGNORECASE)
OLDEST_YEAR = 1800


class CellError(ValueError):
    pass


def key(text):
    """Folded, without spaces: 'Senior:innen' and 'Seniorinnen' → 'seniorinnen'."""
    return fold_words(str(text or "")).replace(" ", "")


def split_list(text):
    return [part.strip() for part in LIST_SEPARATORS.split(text or "") if part.strip()]


def parse_bool(text, column):
    word = (text or "").strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("%(column)s: „%(value)s“ ist kein Ja/Nein-Wert (ja oder nein)") % {"column": column,
                                                                                       "value": text})


def parse_decimal(text, column):
    """'52,5361' or '52.5361' → 52.5361."""
    cleaned = (text or "").strip().replace(" ", "").replace("\u00a0", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise CellError(_("%(column)s: „%(value)s“ ist keine Zahl") % {"column": column, "value": text}) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise CellError(_("%(column)s: „%(value)s“ ist keine Zahl") % {"column": column, "value": text})
    return value


def parse_year(text):
    cleaned = (text or "").strip()
    if not re.fullmatch(r"\d{4}", cleaned):
        raise CellError(_("Gründungsjahr: „%(value)s“ ist keine Jahreszahl") % {"value": text})
    year = int(cleaned)
    if not OLDEST_YEAR <= year <= datetime.date.today().year:
        raise CellError(_("Gründungsjahr: %(year)d liegt nicht zwischen %(first)d und heute")
                        % {"year": year, "first": OLDEST_YEAR})
    return year


def parse_email(text):
    value = (text or "").strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    try:
        validate_email(value)
    except ValidationError:
        raise CellError(_("E-Mail: „%(value)s“ ist keine gültige E-Mail-Adresse") % {"value": text}) from None
    return value


def parse_url(text):
    value = (text or "").strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
        value = "https://" + value  # "www.example.org" as people write it
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise CellError(_("Website: „%(value)s“ ist keine gültige Internetadresse") % {"value": text}) from None
    return value


def parse_postcode(text):
    match = POSTCODE.match(text or "")
    if not match:
        raise CellError(_("PLZ: „%(value)s“ ist keine fünfstellige Postleitzahl") % {"value": text})
    return match.group(1)

