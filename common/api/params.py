"""Query parameters, read one way by every API view and page.

A view declares the parameters it reads, in the order they are checked::

    PARAMETERS = Parameters({"topic": vocabulary(Topic), "from": instant(), "bbox": bbox})

A reader turns the raw value into a Python one or raises ParseError with a message (German msgid) that
names the parameter. A parameter that is absent, empty or nothing but blanks is not given (None); a
repeated one counts with its last value, as in Django and DRF; names not declared are ignored
(utm_source, format, …).

* API views: ``PARAMETERS.parse(request.query_params)`` → {name: value}. The first bad value raises
  ParseError, which DRF answers with 400 ``{"detail": "<message>"}``.
* Pages: ``PARAMETERS.parse_leniently(request.GET)`` → ({name: value}, {name: message}). A bad value
  is left out (None) and its message shown above the results (templates/shared/_parameter_errors.html);
  the page renders with the other filters.
"""

import datetime
import math

from django.conf import settings
from django.contrib.gis.geos import Point, Polygon
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError

# The blanks around keys that are ignored: ASCII ones only, as the schema's patterns say (str.strip()
# would also drop characters such as U+001C that a JSON Schema pattern's \s does not match).
BLANKS = " \t\n\v\f\r"
MAX_QUERY_LENGTH = 200


class Parameters:
    def __init__(self, readers, requires=None):
        self.readers = readers  # {name: reader(value, name)}, in the order they are checked
        # {name: (other name, message)}: ``name`` is only valid together with ``other`` (checked first).
        self.requires = requires or {}

    def read(self, params, name, values):
        value = params.get(name)
        reader = self.readers[name]
        # Blanks around keys are ASCII ones only (see BLANKS); other values drop any whitespace.
        if value is None or not value.strip(getattr(reader, "blanks", None)):
            return None
        if name in self.requires and values.get(self.requires[name][0]) is None:
            raise ParseError(str(self.requires[name][1]))
        return reader(value, name)

    def parse(self, params):
        values = {}
        for name in self.readers:
            values[name] = self.read(params, name, values)
        return values

    def parse_leniently(self, params):
        values, errors = {}, {}
        for name in self.readers:
            try:
                values[name] = self.read(params, name, values)
            except ParseError as error:
                values[name] = None
                errors[name] = str(error.detail)
        return values, errors


# --- readers ----------------------------------------------------------------------------------------

def keys(valid):
    """One or several comma-separated keys, each in ``valid()`` (asked only when the parameter is
    given) → list; None when the value holds nothing but commas and BLANKS."""

    def read(value, name):
        found = [key.strip(BLANKS) for key in value.split(",") if key.strip(BLANKS)]
        valid_keys = set(valid()) if found else set()
        unknown = [key for key in found if key not in valid_keys]
        if unknown:
            raise ParseError(
                _("Unbekannter Wert für %(parameter)s: %(unknown)s. Gültig sind: %(valid)s.")
                % {"parameter": name, "unknown": ", ".join(unknown), "valid": ", ".join(sorted(valid_keys))}
            )
        return found or None

    read.blanks = BLANKS
    return read


def vocabulary(model, field="key"):
    """keys() that are values of ``field`` of ``model``'s rows."""
    return keys(lambda: model.objects.values_list(field, flat=True))


def existing(exists):
    """One key for which ``exists(key)`` is true (for long lists such as slugs, which are not listed)."""

    def read(value, name):
        value = value.strip()
        if not exists(value):
            raise ParseError(_("Unbekannter Wert für %(parameter)s: %(value)s.") % {"parameter": name, "value": value})
        return value

    return read


def search(value, name):
    """Words to search for, at most MAX_QUERY_LENGTH characters; runs of blanks become one space."""
    words = value.strip()
    if len(words) > MAX_QUERY_LENGTH:
        raise ParseError(_("Die Suche darf höchstens %(max)d Zeichen lang sein.") % {"max": MAX_QUERY_LENGTH})
    return " ".join(words.split())


def number(value, name):
    try:
        found = float(value)
    except (TypeError, ValueError):
        found = math.nan
    if not math.isfinite(found):
        raise ParseError(_("%(parameter)s erwartet eine Zahl, nicht „%(value)s“.")
                         % {"parameter": name, "value": value})
    return found


def integer(minimum, maximum):
    def read(value, name):
        try:
            found = int(value.strip())
        except ValueError:
            raise ParseError(_("%(parameter)s erwartet eine ganze Zahl, nicht „%(value)s“.")
                             % {"parameter": name, "value": value}) from None
        if not minimum <= found <= maximum:
            raise ParseError(_("%(parameter)s muss zwischen %(min)d und %(max)d liegen.")
                             % {"parameter": name, "min": minimum, "max": maximum})
        return found

    return read


def boolean(value, name):
    folded = value.strip().lower()
    if folded in ("true", "1", "ja", "yes"):
        return True
    if folded in ("false", "0", "nein", "no"):
        return False
    raise ParseError(_("%(parameter)s erwartet true oder false, nicht „%(value)s“.")
                     % {"parameter": name, "value": value})


def bbox(value, name):
    """``minlon,minlat,maxlon,maxlat`` in WGS84 → Polygon."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ParseError(_("bbox erwartet vier durch Kommas getrennte Zahlen: minlon,minlat,maxlon,maxlat."))
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise ParseError(_("bbox enthält etwas anderes als Zahlen: „%(value)s“.") % {"value": value}) from None
    # float() accepts "nan" and "inf"; neither makes sense as a map edge.
    if not all(math.isfinite(edge) for edge in (min_lon, min_lat, max_lon, max_lat)):
        raise ParseError(_("bbox enthält etwas anderes als endliche Zahlen: „%(value)s“.") % {"value": value})
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise ParseError(_("bbox: Längen müssen zwischen -180 und 180, Breiten zwischen -90 und 90 liegen."))
    if not (min_lon < max_lon and min_lat < max_lat):
        raise ParseError(_("bbox: minlon muss kleiner als maxlon und minlat kleiner als maxlat sein."))
    polygon = Polygon.from_bbox((min_lon, min_lat, max_lon, max_lat))
    polygon.srid = settings.STORAGE_SRID
    return polygon


def point(value, name):
    """``lon,lat`` in WGS84 → Point."""
    parts = value.split(",")
    if len(parts) != 2:
        raise ParseError(_("near erwartet Länge und Breite, durch ein Komma getrennt: lon,lat."))
    lon, lat = (number(part, name) for part in parts)
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ParseError(_("near: Länge muss zwischen -180 und 180, Breite zwischen -90 und 90 liegen."))
    return Point(lon, lat, srid=settings.STORAGE_SRID)


def instant(end_of_day=False):
    """A date (the start of that day in Berlin, or with ``end_of_day`` the start of the next) or a
    date-time (naive means Berlin) → aware datetime."""

    def read(value, name):
        value = value.strip()
        try:
            day = parse_date(value)
            found = None if day else parse_datetime(value)
        except ValueError:
            day = found = None
        if day is not None:
            if end_of_day:
                day += datetime.timedelta(days=1)
            return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=timezone.get_default_timezone())
        if found is None:
            raise ParseError(_("%(parameter)s erwartet ein Datum (JJJJ-MM-TT) oder einen Zeitpunkt nach ISO 8601, "
                               "nicht „%(value)s“.") % {"parameter": name, "value": value})
        if timezone.is_naive(found):
            found = timezone.make_aware(found, timezone.get_default_timezone())
        return found

    return read
