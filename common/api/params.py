"""Validation of query parameters: malformed values become HTTP 400 with a ``{"detail": …}``
message the client can show, never a 500. Unknown parameters are ignored by the views."""

import math

from django.conf import settings
from django.contrib.gis.geos import Polygon
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError


def bbox_polygon(value):
    """``minlon,minlat,maxlon,maxlat`` in WGS84 → Polygon, or None when the parameter is absent."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise ParseError(_("bbox erwartet vier durch Kommas getrennte Zahlen: minlon,minlat,maxlon,maxlat."))
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise ParseError(_("bbox enthält etwas anderes als Zahlen: „%(value)s“.") % {"value": value}) from None
    # float() accepts "nan" and "inf"; neither makes sense as a map edge.
    if not all(math.isfinite(number) for number in (min_lon, min_lat, max_lon, max_lat)):
        raise ParseError(_("bbox enthält etwas anderes als endliche Zahlen: „%(value)s“.") % {"value": value})
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise ParseError(_("bbox: Längen müssen zwischen -180 und 180, Breiten zwischen -90 und 90 liegen."))
    if not (min_lon < max_lon and min_lat < max_lat):
        raise ParseError(_("bbox: minlon muss kleiner als maxlon und minlat kleiner als maxlat sein."))
    polygon = Polygon.from_bbox((min_lon, min_lat, max_lon, max_lat))
    polygon.srid = settings.STORAGE_SRID
    return polygon


# The blanks around keys that are ignored: ASCII ones only, as the schema's patterns say (str.strip()
# would also drop characters such as U+001C that a JSON Schema pattern's \s does not match).
BLANKS = " \t\n\v\f\r"


def key_list(value, valid_keys, parameter):
    """One or several comma-separated keys, each of which must be in ``valid_keys``; None when the
    parameter is absent or holds nothing but commas and BLANKS."""
    if value is None:
        return None
    keys = [key.strip(BLANKS) for key in value.split(",") if key.strip(BLANKS)]
    if not keys:
        return None
    unknown = [key for key in keys if key not in valid_keys]
    if unknown:
        raise ParseError(
            _("Unbekannter Wert für %(parameter)s: %(unknown)s. Gültig sind: %(valid)s.")
            % {"parameter": parameter, "unknown": ", ".join(unknown), "valid": ", ".join(sorted(valid_keys))}
        )
    return keys
