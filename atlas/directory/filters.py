"""The query parameters of the public directory (API, map list, server-rendered pages), validated.

``parse_filters(model, request.GET)`` → DirectoryFilters; invalid values raise
``rest_framework.exceptions.ParseError`` with a message for the user (the API answers 400 with it).
Accepted: ``q``, ``category``, ``language``, ``target_group`` (organisations only), ``ortsteil``,
``type`` and ``bookable`` (meeting places only), ``bbox``, ``near`` + ``radius``, ``page``, ``page_size``.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.geos import Point
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError

from atlas.directory.models import Category, Language, MeetingPlaceType, Organisation, TargetGroup
from common.api.params import BLANKS, bbox_polygon, key_list
from geodata.models import Ortsteil

MAX_RADIUS_M = 20_000
DEFAULT_PAGE_SIZE = 200
MAX_PAGE_SIZE = 5000
MAX_PAGE = 10**6
MAX_QUERY_LENGTH = 200


@dataclass
class DirectoryFilters:
    q: str = ""
    categories: list | None = None
    languages: list | None = None
    target_groups: list | None = None
    ortsteile: list | None = None
    types: list | None = None
    bookable: bool | None = None
    bbox: object = None  # Polygon, WGS84
    near: Point | None = None  # WGS84
    radius: float | None = None  # metres
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE


    def facts_key(self):
        """What the filters select regardless of place, bbox and page: the key under which
        atlas.directory.cache keeps the facts of this selection that do not depend on the point."""
        return (self.q, *(tuple(sorted(values or ())) for values in (
            self.categories, self.languages, self.target_groups, self.ortsteile, self.types)), self.bookable)


def _number(value, parameter):
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise ParseError(_("%(parameter)s erwartet eine Zahl, nicht „%(value)s“.")
                         % {"parameter": parameter, "value": value})
    return number


def _integer(value, parameter, minimum, maximum):
    try:
        number = int(value.strip())
    except (AttributeError, ValueError):
        raise ParseError(_("%(parameter)s erwartet eine ganze Zahl, nicht „%(value)s“.")
                         % {"parameter": parameter, "value": value}) from None
    if not minimum <= number <= maximum:
        raise ParseError(_("%(parameter)s muss zwischen %(min)d und %(max)d liegen.")
                         % {"parameter": parameter, "min": minimum, "max": maximum})
    return number


def near_point(value):
    """``lon,lat`` in WGS84 → Point, or None when the parameter is absent."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    if len(parts) != 2:
        raise ParseError(_("near erwartet Länge und Breite, durch ein Komma getrennt: lon,lat."))
    lon, lat = (_number(part, "near") for part in parts)
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ParseError(_("near: Länge muss zwischen -180 und 180, Breite zwischen -90 und 90 liegen."))
    return Point(lon, lat, srid=settings.STORAGE_SRID)


def _boolean(value, parameter):
    folded = value.strip().lower()
    if folded in ("true", "1", "ja", "yes"):
        return True
    if folded in ("false", "0", "nein", "no"):
        return False
    raise ParseError(_("%(parameter)s erwartet true oder false, nicht „%(value)s“.")
                     % {"parameter": parameter, "value": value})


def _vocabulary(params, parameter, queryset, field):
    value = params.get(parameter)
    if value is None or not value.strip(BLANKS):
        return None
    return key_list(value, set(queryset.values_list(field, flat=True)), parameter)


def parse_filters(model, params):
    """Validates raw query parameters for ``model`` (Organisation or MeetingPlace)."""
    filters = DirectoryFilters()
    filters.q = (params.get("q") or "").strip()
    if len(filters.q) > MAX_QUERY_LENGTH:
        raise ParseError(_("Die Suche darf höchstens %(max)d Zeichen lang sein.") % {"max": MAX_QUERY_LENGTH})
    if model is Organisation:
        filters.categories = _vocabulary(params, "category", Category.objects, "key")
        filters.languages = _vocabulary(params, "language", Language.objects, "code")
        filters.target_groups = _vocabulary(params, "target_group", TargetGroup.objects, "key")
    else:
        filters.types = _vocabulary(params, "type", MeetingPlaceType.objects, "key")
        if (params.get("bookable") or "").strip():
            filters.bookable = _boolean(params["bookable"], "bookable")
    filters.ortsteile = _vocabulary(params, "ortsteil", Ortsteil.objects, "key")
    filters.bbox = bbox_polygon(params.get("bbox"))
    filters.near = near_point(params.get("near"))
    if (params.get("radius") or "").strip():
        if filters.near is None:
            raise ParseError(_("radius ist nur zusammen mit near=lon,lat möglich."))
        filters.radius = _number(params["radius"], "radius")
        if not 1 <= filters.radius <= MAX_RADIUS_M:
            raise ParseError(_("radius muss zwischen 1 und %(max)d Metern liegen.") % {"max": MAX_RADIUS_M})
    if (params.get("page") or "").strip():
        filters.page = _integer(params["page"], "page", 1, MAX_PAGE)
    if (params.get("page_size") or "").strip():
        filters.page_size = _integer(params["page_size"], "page_size", 1, MAX_PAGE_SIZE)
    return filters

