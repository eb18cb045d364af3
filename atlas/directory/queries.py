"""Which published directory entries match a set of filters, in which order, how far away.

Used by the public API (atlas/directory/api/directory*.py) and by server-rendered pages alike::

    from atlas.directory.queries import filter_entries

    selection = filter_entries(Organisation.objects.all(), request.GET)  # ParseError on bad input
    selection.count()                       # number of matching entries
    selection.queryset                      # filtered, ordered (distance or name), lazily evaluated
    for entry in selection.entries(offset=0, limit=50):
        entry.distance_m, entry.walking_minutes   # None without ``near``
        entry.public_point                        # WGS84 Point to show (None without a location)

``params`` is a mapping of raw query parameters (``request.GET``) or a ``DirectoryFilters`` from
``atlas.directory.filters.parse_filters``, which validates them (ParseError → 400 in the API). Only
``status=published`` entries are ever returned.

Privacy (GDPR): an individual actor without consent to publish the address is shown at the
representative point (point on surface) of its planning area. Every spatial operation — bbox, radius,
distance, ordering — uses that public point for such entries, so neither the exact point nor an
exact distance can be inferred. Public points are computed in Python with GEOS/PROJ, so they are
identical on SpatiaLite and PostGIS.

Distances are planar in EPSG:25833 (``location_metric``) on both backends. On PostGIS the
nearest-first order uses the KNN operator (``<->``, GiST index); SpatiaLite orders by ``Distance``.

What does not depend on the point — the number of matches without bbox or radius, and the entries
shown at planning-area level — is cached per set of filters (atlas.directory.cache), so a nearest-first
page costs one query.
"""

import heapq
import math
from dataclasses import dataclass, replace
from functools import cached_property

from django.conf import settings
from django.contrib.gis.geos import Point
from django.contrib.gis.measure import D
from django.db.models import Q

from atlas.directory.cache import remembered
from atlas.directory.filters import DirectoryFilters, parse_filters
from atlas.directory.models import Organisation, PublicationStatus, WheelchairAccess
from atlas.directory.nearest import NearPoint, nearest_rows, rows_with_ids
from atlas.directory.opening_hours import berlin_now, is_open_at
from atlas.directory.search.query import understand
from common.projection import to_metric
from common.queries import linked_to
from geodata.models import PlanningArea

WALKING_METRES_PER_MINUTE = 80

# An individual actor without consent to publish the address (Organisation.shows_exact_location).
HIDDEN_LOCATION = Q(kind=Organisation.Kind.INDIVIDUAL, consent_publish_address=False)


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


# --- public points ----------------------------------------------------------------------------------

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
    ``nearest(offset, limit, fields, annotate)`` gives the same page with the rows' fields, from
    one statement compiled once per set of filters (atlas.directory.nearest).
    """

    def __init__(self, queryset, filters):
        self.model = queryset.model
        self.filters = filters
        self.hides_locations = self.model is Organisation
        self.points = {}  # planning area id → PublicPoint, for entries shown at planning-area level
        self.hidden_rows = []  # (pk, planning area id) of matching entries shown at planning-area level
        self.near_metric = None
        self.exact_conditions = []  # near → Q, for entries shown exactly (see _spatial)
        self.public_areas = set()  # planning areas whose public point matches the spatial conditions
        self._all = queryset
        # The query as understood now (vocabulary in six languages, typos): atlas/directory/search/.
        self.search = understand(filters.q) if filters.q else None
        # What the filters select: the same words may select differently once the directory changed.
        self.facts_key = (filters.facts_key(), self.search.signature() if self.search else None)
        # Facts and statements are kept per set of filters only for the whole directory; a caller's
        # own restriction (atlas.needs.matching) is not part of their key, nor are ids (a marker's
        # popup asks for its one entry: nothing worth keeping), and "open now" changes by the minute.
        self.shared = not queryset.query.has_filters() and not filters.ids and not filters.open_now
        self._set_up_spatial()

    @cached_property
    def base(self):
        """The published entries matching the filters other than bbox and near, ordered by name
        (built when first used: a nearest-first page from cached facts and a compiled statement
        builds no query)."""
        filters = self.filters
        qs = self._all.filter(status=PublicationStatus.PUBLISHED)
        if filters.ids:
            qs = qs.filter(pk__in=filters.ids)
        if self.search is not None:
            qs = qs.filter(self.search.condition(self.model))
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
        if filters.wheelchair:
            qs = qs.filter(wheelchair_access=WheelchairAccess.YES)
        if filters.open_now:
            qs = qs.filter(pk__in=_open_now(qs))
        return qs.order_by("name", "pk")

    def _set_up_spatial(self):
        filters = self.filters
        if filters.bbox is None and filters.near is None:
            return
        if self.hides_locations:
            self.hidden_rows, self.points = self._remembered("hidden", lambda: _hidden_entries(self.base))
            self.public_areas = set(self.points)
        if filters.bbox is not None:
            self._spatial(lambda near: Q(location__intersects=filters.bbox),
                          lambda point: filters.bbox.intersects(point.wgs84()))
        if filters.near is not None:
            self.near_metric = to_metric(filters.near)
            self._near_xy = (self.near_metric.x, self.near_metric.y)
            if filters.radius is not None:
                self._spatial(lambda near: Q(location_metric__dwithin=(near, D(m=filters.radius))),
                              lambda point: self._distance_to(point) <= filters.radius)
            else:
                self._spatial(lambda near: Q(location_metric__isnull=False), lambda point: True)

    def _distance_to(self, point):
        return math.hypot(point.x - self._near_xy[0], point.y - self._near_xy[1])

    def _spatial(self, exact_condition, public_point_matches):
        """A spatial condition: ``exact_condition(near)`` for entries shown exactly (``near`` the point of
        near as a Point or as NearPoint); entries shown at planning-area level match when the public
        point of their planning area does (tested in Python)."""
        self.exact_conditions.append(exact_condition)
        if self.hides_locations:
            self.public_areas = {pk for pk in self.public_areas if public_point_matches(self.points[pk])}
            self.hidden_rows = [(pk, area) for pk, area in self.hidden_rows if area in self.public_areas]

    def _exact_spatial(self, near):
        return [condition(near) for condition in self.exact_conditions]

    @cached_property
    def queryset(self):
        """The matching entries, ordered by name (built when first used: a nearest-first page with
        its count cached does not need it)."""
        if not self.exact_conditions:
            return self.base
        exact = Q(*self._exact_spatial(self.near_metric))
        if not self.hides_locations:
            return self.base.filter(exact)
        return self.base.filter((~HIDDEN_LOCATION & exact)
                                | (HIDDEN_LOCATION & Q(planning_area_id__in=sorted(self.public_areas))))

    @property
    def offset(self):
        return (self.filters.page - 1) * self.filters.page_size

    def _remembered(self, fact, compute):
        return remembered(self.model, fact, self.facts_key, compute) if self.shared else compute()

    def count(self):
        """The number of matches. Without bbox and radius it does not depend on the point of ``near``:
        cached per set of filters (with ``near``, only entries with a location count)."""
        if self.filters.bbox is not None or self.filters.radius is not None:
            return self.queryset.count()
        return self._remembered("count-located" if self.near_metric else "count", lambda: self.queryset.count())

    def exists(self):
        return self.queryset.exists()

    def with_query(self, q):
        """The same selection with another search query."""
        return Selection(self._all, replace(self.filters, q=q, page=1))

    def hits(self, offset, limit):
        """With ``near``: ``[(pk, distance_m as float)]`` of one page, nearest first."""
        return [(row[0], distance) for row, distance in self.nearest(offset, limit)]

    def nearest(self, offset, limit, fields=("pk",), annotate=None):
        """With ``near``: one page nearest first as ``[(row, distance_m as float)]``, each row the
        ``values_list(*fields)`` of the matching entries (``fields[0]`` the pk), annotated first by
        ``annotate(queryset)`` if given: equal ``fields`` must mean equal annotations.

        Entries shown exactly come with their fields from one query, compiled once per set of
        filters and fields (atlas.directory.nearest); entries shown at planning-area level are measured from
        their public point and fetched only when they land on the page."""
        annotate = annotate or (lambda queryset: queryset)
        end = offset + limit

        def exact():
            queryset = self.base.exclude(HIDDEN_LOCATION) if self.hides_locations else self.base
            return annotate(queryset.filter(*self._exact_spatial(NearPoint())))

        # A bbox changes with every pan of the map: such statements are not kept.
        shape = None if self.filters.bbox is not None or not self.shared else (
            self.model._meta.label, self.facts_key, self.filters.radius, tuple(fields), end)
        candidates = sorted(((row[-1], row[0], row[:-1]) for row in nearest_rows(
            exact, fields, end, self.near_metric, shape)), key=_by_distance)
        if self.hidden_rows:
            hidden = sorted(((self._distance_to(self.points[area]), pk, None) for pk, area in self.hidden_rows),
                            key=_by_distance)
            candidates = list(heapq.merge(candidates, hidden, key=_by_distance))
        page = candidates[offset:end]
        missing = [pk for _, pk, row in page if row is None]
        found = {}
        if missing:
            found = {row[0]: row for row in rows_with_ids(lambda: annotate(self.base), fields, missing, shape)}
        return [(row if row is not None else found[pk], distance) for distance, pk, row in page
                if row is not None or pk in found]

    def load_public_points(self, planning_area_ids):
        """Makes the public points of these planning areas known, in one query for all missing ones
        (call before public_point() for the entries of a page)."""
        missing = {pk for pk in planning_area_ids if pk is not None and pk not in self.points}
        if missing:
            self.points.update(public_points(missing))

    def public_point(self, hidden, planning_area_id, location):
        """The point to show: the planning area's public point when hidden, else the location."""
        if not hidden:
            return location
        if planning_area_id is None:
            return None
        self.load_public_points([planning_area_id])
        point = self.points.get(planning_area_id)
        return point.wgs84() if point else None

    def entries(self, offset=None, limit=None):
        """Model instances of one page with ``distance_m``, ``walking_minutes`` and ``public_point``
        set (for server-rendered pages); ``entry.shows_exact_location`` says whether to show the address."""
        offset = self.offset if offset is None else offset
        limit = self.filters.page_size if limit is None else limit
        queryset = self.queryset.select_related("ortsteil", "planning_area")
        # What the lists show of each entry, fetched with the page rather than once per entry.
        if self.model is Organisation:
            queryset = queryset.prefetch_related("categories", "languages")
        else:
            queryset = queryset.select_related("place_type")
        if self.near_metric is None:
            entries, distances = list(queryset[offset:offset + limit]), {}
        else:
            distances = dict(self.hits(offset, limit))
            by_pk = queryset.in_bulk(list(distances))
            entries = [by_pk[pk] for pk in distances if pk in by_pk]
        self.load_public_points(entry.planning_area_id for entry in entries
                                if isinstance(entry, Organisation) and not entry.shows_exact_location)
        for entry in entries:
            hidden = isinstance(entry, Organisation) and not entry.shows_exact_location
            entry.public_point = self.public_point(hidden, entry.planning_area_id, entry.location)
            distance = distances.get(entry.pk)
            entry.distance_m = round(distance) if distance is not None else None
            entry.walking_minutes = walking_minutes(entry.distance_m)
        return entries


def _open_now(queryset):
    """The ids of the entries of ``queryset`` open now in Berlin. Opening hours are JSON read in Python
    (atlas.directory.opening_hours, the same rule as the browser's), after every other filter."""
    now = berlin_now()
    rows = queryset.exclude(opening_hours={}).values_list("pk", "opening_hours")
    return [pk for pk, hours in rows.iterator(chunk_size=2000) if is_open_at(hours, now)]


def _hidden_entries(queryset):
    """([(pk, planning area id)], {planning area id: PublicPoint}) of the matching entries shown at
    planning-area level."""
    rows = list(queryset.filter(HIDDEN_LOCATION, planning_area__isnull=False).values_list("pk", "planning_area_id"))
    return rows, public_points(area for _, area in rows)


def _by_distance(candidate):
    return candidate[0], candidate[1]  # distance, then pk


def filter_entries(queryset, params):
    """The published entries of ``queryset`` (Organisation or MeetingPlace) matching ``params``
    (raw query parameters or DirectoryFilters) → Selection. Raises ParseError on invalid input."""
    if not isinstance(params, DirectoryFilters):
        params = parse_filters(queryset.model, params)
    return Selection(queryset, params)

