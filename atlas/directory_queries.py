"""Which published directory entries match a set of filters, in which order, how far away.

Used by the public API (atlas/api/directory*.py) and by server-rendered pages alike::

    from atlas.directory_queries import filter_entries

    selection = filter_entries(Organisation.objects.all(), request.GET)  # ParseError on bad input
    selection.count()                       # number of matching entries
    selection.queryset                      # filtered, ordered (distance or name), lazily evaluated
    for entry in selection.entries(offset=0, limit=50):
        entry.distance_m, entry.walking_minutes   # None without ``near``
        entry.public_point                        # WGS84 Point to show (None without a location)

``params`` is a mapping of raw query parameters (``request.GET``) or a ``DirectoryFilters`` from
``parse_filters``. Accepted: ``q``, ``category``, ``language``, ``target_group`` (organisations
only), ``ortsteil``, ``type`` and ``bookable`` (meeting places only), ``bbox``, ``near`` + ``radius``.
Invalid values raise ``rest_framework.exceptions.ParseError`` with a German message for the user
(the API answers 400 with it). Only ``status=published`` entries are ever returned.

Privacy (GDPR): an individual actor without consent to publish the address is shown at the
representative point (point on surface) of its planning area. Every spatial operation — bbox, radius,
distance, ordering — uses that public point for such entries, so neither the exact point nor an
exact distance can be inferred. Public points are computed in Python with GEOS/PROJ, so they are
identical on SpatiaLite and PostGIS.

Distances are planar in EPSG:25833 (``location_metric``) on both backends. On PostGIS the
nearest-first order uses the KNN operator (``<->``, GiST index); SpatiaLite orders by ``Distance``.
"""

import heapq
import math
import threading
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.db.models.functions import Distance, GeometryDistance
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import Point
from django.contrib.gis.measure import D
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError

from atlas.filtering import linked_to
from atlas.models import (
    Category,
    Language,
    MeetingPlaceType,
    Organisation,
    PublicationStatus,
    TargetGroup,
)
from atlas.search import search_filter
from geodata.api.params import bbox_polygon, key_list
from geodata.models import Ortsteil, PlanningArea

WALKING_METRES_PER_MINUTE = 80
MAX_RADIUS_M = 20_000
DEFAULT_PAGE_SIZE = 200
MAX_PAGE_SIZE = 5000
MAX_QUERY_LENGTH = 200

# An individual actor without consent to publish the address (Organisation.shows_exact_location).
HIDDEN_LOCATION = Q(kind=Organisation.Kind.INDIVIDUAL, consent_publish_address=False)


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


@dataclass(frozen=True)
class PublicPoint:
    lon: float
    lat: float
    x: float  # EPSG:25833
    y: float

    def wgs84(self):
        return Point(self.lon, self.lat, srid=settings.STORAGE_SRID)

    def metric(self):
        return Point(self.x, self.y, srid=settings.METRIC_SRID)


# --- parameters -----------------------------------------------------------------------------------

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
    if value is None or not value.strip():
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
        filters.page = _integer(params["page"], "page", 1, 10**6)
    if (params.get("page_size") or "").strip():
        filters.page_size = _integer(params["page_size"], "page_size", 1, MAX_PAGE_SIZE)
    return filters


# --- public points ----------------------------------------------------------------------------------

_local = threading.local()


def to_metric(point):
    """A WGS84 point → a new point in EPSG:25833. The GDAL transformation is built once per thread:
    building it costs about 7 ms, applying it microseconds (and it is not safe to share)."""
    transform = getattr(_local, "to_metric", None)
    if transform is None:
        transform = _local.to_metric = CoordTransform(SpatialReference(settings.STORAGE_SRID),
                                                      SpatialReference(settings.METRIC_SRID))
    metric = point.transform(transform, clone=True)
    metric.srid = settings.METRIC_SRID
    return metric


# (planning area id, its area in m²) → PublicPoint. The area changes whenever a re-import changes
# the outline, so a stale point is never served; a few dozen planning areas keep it small.
_PUBLIC_POINTS = {}


def public_points(planning_area_ids):
    """{planning area id: PublicPoint}: each area's point on surface, WGS84 and EPSG:25833."""
    points = {}
    ids = {pk for pk in planning_area_ids if pk is not None}
    if not ids:
        return points
    missing = []
    for pk, area_m2 in PlanningArea.objects.filter(pk__in=ids).values_list("pk", "area_m2"):
        cached = _PUBLIC_POINTS.get((pk, area_m2))
        if cached is None:
            missing.append(pk)
        else:
            points[pk] = cached
    for pk, area_m2, geom in PlanningArea.objects.filter(pk__in=missing).values_list("pk", "area_m2", "geom"):
        surface_point = geom.point_on_surface
        surface_point.srid = geom.srid
        metric = to_metric(surface_point)
        points[pk] = _PUBLIC_POINTS[(pk, area_m2)] = PublicPoint(surface_point.x, surface_point.y, metric.x, metric.y)
    return points


def walking_minutes(distance_m):
    return math.ceil(distance_m / WALKING_METRES_PER_MINUTE) if distance_m is not None else None


# --- the selection ----------------------------------------------------------------------------------

class Selection:
    """Published entries matching the filters; see the module docstring.

    ``queryset`` holds the matching entries ordered by name. With ``near``, ``hits(offset, limit)``
    gives the nearest-first page as ``[(pk, distance in metres)]``: entries shown exactly come from
    the database (KNN on PostGIS), entries shown at planning-area level are measured from their
    public point in Python and merged in; ties are broken by pk on both backends (on PostGIS only
    within the rows fetched: equal distances straddling the page end may come in either order).
    """

    def __init__(self, queryset, filters):
        self.model = queryset.model
        self.filters = filters
        self.hides_locations = self.model is Organisation
        self.points = {}  # planning area id → PublicPoint, for entries shown at planning-area level
        self.hidden_rows = []  # (pk, planning area id) of matching entries shown at planning-area level
        self.near_metric = None
        self.queryset = self._build(queryset)

    def _build(self, queryset):
        filters = self.filters
        qs = queryset.filter(status=PublicationStatus.PUBLISHED)
        if filters.q:
            qs = qs.filter(search_filter(filters.q))
        if filters.categories:
            qs = qs.filter(linked_to(self.model, "categories", filters.categories, "key"))
        if filters.languages:
            qs = qs.filter(linked_to(self.model, "languages", filters.languages, "code"))
        if filters.target_groups:
            qs = qs.filter(linked_to(self.model, "target_groups", filters.target_groups, "key"))
        if filters.types:
            qs = qs.filter(place_type__key__in=filters.types)
        if filters.bookable is not None:
            qs = qs.filter(bookable=filters.bookable)
        if filters.ortsteile:
            if self.hides_locations:
                # Shown at planning-area level: the planning area's Ortsteil is the public one.
                qs = qs.filter((~HIDDEN_LOCATION & Q(ortsteil__key__in=filters.ortsteile))
                               | (HIDDEN_LOCATION & Q(planning_area__ortsteil__key__in=filters.ortsteile)))
            else:
                qs = qs.filter(ortsteil__key__in=filters.ortsteile)
        qs = qs.order_by("name", "pk")
        if filters.bbox is None and filters.near is None:
            return qs
        if self.hides_locations:
            self.hidden_rows = list(qs.filter(HIDDEN_LOCATION, planning_area__isnull=False)
                                    .values_list("pk", "planning_area_id"))
            self.points = public_points(area for _, area in self.hidden_rows)
        if filters.bbox is not None:
            qs = qs.filter(self._spatial_condition(
                Q(location__intersects=filters.bbox), lambda point: filters.bbox.intersects(point.wgs84())))
        if filters.near is not None:
            self.near_metric = to_metric(filters.near)
            if filters.radius is not None:
                qs = qs.filter(self._spatial_condition(
                    Q(location_metric__dwithin=(self.near_metric, D(m=filters.radius))),
                    lambda point: self._distance_to(point) <= filters.radius))
            else:
                qs = qs.filter(self._spatial_condition(Q(location_metric__isnull=False), lambda point: True))
        return qs

    def _distance_to(self, point):
        return point.metric().distance(self.near_metric)

    def _spatial_condition(self, exact_condition, public_point_matches):
        """``exact_condition`` for entries shown exactly; for entries shown at planning-area level,
        membership of a planning area whose public point matches (tested in Python)."""
        if not self.hides_locations:
            return exact_condition
        areas = {pk for pk, point in self.points.items() if public_point_matches(point)}
        self.hidden_rows = [(pk, area) for pk, area in self.hidden_rows if area in areas]
        return (~HIDDEN_LOCATION & exact_condition) | (HIDDEN_LOCATION & Q(planning_area_id__in=sorted(areas)))

    @property
    def offset(self):
        return (self.filters.page - 1) * self.filters.page_size

    def count(self):
        return self.queryset.count()

    def hits(self, offset, limit):
        """With ``near``: ``[(pk, distance_m as float)]`` of one page, nearest first."""
        end = offset + limit
        exact = self.queryset.exclude(HIDDEN_LOCATION) if self.hides_locations else self.queryset
        exact = exact.annotate(distance=Distance("location_metric", self.near_metric))
        if connection.vendor == "postgresql":
            # KNN on the GiST index of location_metric (SpatiaLite has no <-> operator). A second
            # sort key would make PostgreSQL sort every row instead, so ties are ordered below.
            exact = exact.order_by(GeometryDistance("location_metric", self.near_metric))
        else:
            exact = exact.order_by("distance", "pk")
        rows = sorted((distance.m, pk) for pk, distance in exact.values_list("pk", "distance")[:end])
        if self.hidden_rows:
            hidden = sorted((self._distance_to(self.points[area]), pk) for pk, area in self.hidden_rows)
            rows = list(heapq.merge(rows, hidden))
        return [(pk, distance) for distance, pk in rows[offset:end]]

    def public_point(self, hidden, planning_area_id, location):
        """The point to show: the planning area's public point when hidden, else the location."""
        if not hidden:
            return location
        if planning_area_id is None:
            return None
        if planning_area_id not in self.points:
            self.points.update(public_points([planning_area_id]))
        point = self.points.get(planning_area_id)
        return point.wgs84() if point else None

    def entries(self, offset=None, limit=None):
        """Model instances of one page with ``distance_m``, ``walking_minutes`` and ``public_point``
        set (for server-rendered pages); ``entry.shows_exact_location`` says whether to show the address."""
        offset = self.offset if offset is None else offset
        limit = self.filters.page_size if limit is None else limit
        queryset = self.queryset.select_related("ortsteil", "planning_area")
        if self.near_metric is None:
            entries, distances = list(queryset[offset:offset + limit]), {}
        else:
            distances = dict(self.hits(offset, limit))
            by_pk = queryset.in_bulk(list(distances))
            entries = [by_pk[pk] for pk in distances if pk in by_pk]
        for entry in entries:
            hidden = isinstance(entry, Organisation) and not entry.shows_exact_location
            entry.public_point = self.public_point(hidden, entry.planning_area_id, entry.location)
            distance = distances.get(entry.pk)
            entry.distance_m = round(distance) if distance is not None else None
            entry.walking_minutes = walking_minutes(entry.distance_m)
        return entries


def filter_entries(queryset, params):
    """The published entries of ``queryset`` (Organisation or MeetingPlace) matching ``params``
    (raw query parameters or DirectoryFilters) → Selection. Raises ParseError on invalid input."""
    if not isinstance(params, DirectoryFilters):
        params = parse_filters(queryset.model, params)
    return Selection(queryset, params)

