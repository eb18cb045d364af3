"""Public-transport stops near a point, for residents without a car.

The rule of ``nearest_stops`` (docs/data.md, "Nearest stops"):

* S-Bahn and U-Bahn stations within 800 m come first, nearest first, even when a bus stop is nearer:
  they take people farthest. At most two of them, and with a list of two or more one place is always
  left for the nearest other stop.
* The remaining places go to the nearest stops of any kind, nearest first.
* Stops sharing a name (the platforms and stop points of one station) count once, at the nearest of
  their points.
* Distances are straight lines in EPSG:25833, rounded to 10 m (at least 10 m): a walk is longer.

On PostGIS the stops are ordered with the KNN operator ``<->`` on the GiST index of ``geom_metric``;
SpatiaLite has no such operator and orders by ``Distance`` (planar in EPSG:25833 on both).

For many points at once (a page of results) ``StopIndex`` reads every stop once and applies the same
rule in memory with numpy: two queries per point would cost more than the page itself.
"""

from dataclasses import dataclass

import numpy as np
from django.contrib.gis.db.models.functions import Distance, GeometryDistance
from django.db import connections
from django.db.models import ExpressionWrapper, FloatField, Func
from django.urls import reverse
from django.utils.translation import gettext as _

from common.projection import to_metric
from geodata.importers.sources import VBB_STATIONS
from geodata.models import DataSource, TransitMode, TransitStop

RAPID_TRANSIT_FIRST_M = 800
RAPID_TRANSIT_FIRST_AT_MOST = 2
DEFAULT_LIMIT = 3
MAX_LIMIT = 10
DISTANCE_STEP_M = 10
# Zoom levels from which the map shows the stops: S-Bahn and U-Bahn stations earlier than the rest.
MAP_MIN_ZOOM = {"rapidTransit": 13, "other": 15}


@dataclass(frozen=True)
class NearStop:
    id: int
    name: str
    modes: list
    rapid_transit: bool
    lon: float
    lat: float
    exact_distance_m: float

    @property
    def distance_m(self):
        """The straight-line distance rounded to 10 m, at least 10 m."""
        return max(DISTANCE_STEP_M, round(self.exact_distance_m / DISTANCE_STEP_M) * DISTANCE_STEP_M)

    @property
    def mode_labels(self):
        return mode_labels(self.modes)

    def as_dict(self):
        """The API's description of a near stop (geodata.api.schema.NEAR_STOP)."""
        return {"id": self.id, "name": self.name, "modes": list(self.modes), "rapid_transit": self.rapid_transit,
                "distance_m": self.distance_m}


def mode_labels(modes):
    """The translated names of TransitMode values (unknown ones left out)."""
    return [str(TransitMode(mode).label) for mode in modes if mode in TransitMode.values]


def _ordered(queryset, metric_point):
    """``queryset`` nearest first, each row with its distance in metres (a float on both backends)."""
    queryset = queryset.annotate(distance=ExpressionWrapper(Distance("geom_metric", metric_point),
                                                            output_field=FloatField()))
    if connections[queryset.db].vendor == "postgresql":
        # KNN on the GiST index; a second sort key would make PostgreSQL sort every row instead.
        return queryset.order_by(GeometryDistance("geom_metric", metric_point))
    return queryset.order_by("distance", "pk")


def _distinct_nearest(queryset, metric_point, count):
    """The ``count`` nearest stops of ``queryset`` with distinct names, nearest first."""
    if count <= 0:
        return []
    fetch = max(4 * count, 16)  # a station has up to a dozen stop points
    while True:
        rows = _ordered(queryset, metric_point).values_list("pk", "name", "modes", "rapid_transit", "geom",
                                                            "distance")[:fetch]
        found = {}
        fetched = 0
        for pk, name, modes, rapid_transit, geom, distance in rows:
            fetched += 1
            if name not in found:
                found[name] = NearStop(pk, name, modes, rapid_transit, geom.x, geom.y, distance)
                if len(found) == count:
                    return list(found.values())
        if fetched < fetch:
            return list(found.values())
        fetch *= 4


def _by_rule(distinct_nearest, limit):
    """The rule above over ``distinct_nearest(rapid_transit_only, count)`` → NearStops nearest first."""
    first = [stop for stop in distinct_nearest(True, min(RAPID_TRANSIT_FIRST_AT_MOST, max(1, limit - 1)))
             if stop.exact_distance_m <= RAPID_TRANSIT_FIRST_M]
    names = {stop.name for stop in first}
    others = [stop for stop in distinct_nearest(False, limit + len(first)) if stop.name not in names]
    return (first + others)[:limit]


def nearest_stops(point, limit=DEFAULT_LIMIT):
    """The ``limit`` stops nearest to ``point`` (WGS84 or EPSG:25833) by the rule above: NearStop
    objects, S-Bahn and U-Bahn stations within 800 m first. [] without a point or without stops."""
    if point is None or limit <= 0:
        return []
    metric = to_metric(point)

    def distinct_nearest(rapid_transit_only, count):
        stops = TransitStop.objects.filter(rapid_transit=True) if rapid_transit_only else TransitStop.objects.all()
        return _distinct_nearest(stops, metric, count)
    return _by_rule(distinct_nearest, limit)


class StopIndex:
    """Every stop in memory, to give the nearest stops of many points by the same rule as
    ``nearest_stops`` with one query in all. Ties in distance go to the lower id, as on SpatiaLite."""

    def __init__(self, rows):
        """``rows``: (pk, name, modes, rapid_transit, lon, lat, metric x, metric y), ordered by pk."""
        self.stops = [row[:6] for row in rows]
        self.x = np.array([row[6] for row in rows], dtype=float)
        self.y = np.array([row[7] for row in rows], dtype=float)
        self.rapid_transit = np.array([row[3] for row in rows], dtype=bool)

    @classmethod
    def load(cls):
        # Coordinates as numbers from the database: building 1,700 GEOS points would take longer than the page.
        coordinates = {name: Func(field, function=function, output_field=FloatField()) for name, field, function in (
            ("lon", "geom", "ST_X"), ("lat", "geom", "ST_Y"), ("mx", "geom_metric", "ST_X"),
            ("my", "geom_metric", "ST_Y"))}
        return cls(list(TransitStop.objects.order_by("pk").annotate(**coordinates).values_list(
            "pk", "name", "modes", "rapid_transit", *coordinates)))

    def _distinct_nearest(self, metric, rapid_transit_only, count):
        distances = np.hypot(self.x - metric.x, self.y - metric.y)
        candidates = np.flatnonzero(self.rapid_transit) if rapid_transit_only else np.arange(len(self.stops))
        found = {}
        # A stable sort over pk order: equal distances keep the lower pk first.
        for index in candidates[np.argsort(distances[candidates], kind="stable")]:
            pk, name, modes, rapid, lon, lat = self.stops[index]
            if name not in found:
                found[name] = NearStop(pk, name, modes, rapid, lon, lat, float(distances[index]))
                if len(found) == count:
                    break
        return list(found.values())

    def nearest(self, point, limit=DEFAULT_LIMIT):
        """``nearest_stops(point, limit)`` computed in memory."""
        if point is None or limit <= 0 or not self.stops:
            return []
        metric = to_metric(point)
        return _by_rule(lambda rapid_only, count: self._distinct_nearest(metric, rapid_only, count)
                        if count > 0 else [], limit)


def nearest_stops_listing(point, limit=DEFAULT_LIMIT):
    """What a page needs to list the nearest stops: {"stops": [NearStop], "source": DataSource or None}
    (the source's attribution goes beside the list: the VBB's data are CC BY)."""
    stops = nearest_stops(point, limit)
    source = DataSource.objects.filter(key=VBB_STATIONS.key).first() if stops else None
    return {"stops": stops, "source": source}


def map_config():
    """What the map's stops layer and the nearest-stops lists need (static/atlas/js/map/transit-layer.js).
    The layer carries no attribution of its own: the map credits its sources beside it and on /quellen/."""
    return {
        "api": reverse("geodata:api:transit-stops"),
        "minZoom": MAP_MIN_ZOOM,
        "modes": {mode.value: str(mode.label) for mode in TransitMode},
        "strings": {
            "nearest": _("Nächste Haltestellen"),
            "nearestShort": _("Haltestellen:"),
            "distance": _("%(metres)s m Luftlinie"),
            "distanceShort": _("%(metres)s m"),
        },
    }
