"""How well residents reach public transport, per planning area and Ortsteil (docs/coverage.md, "Public transport").

On the demand points of the coverage analysis (the 250 m grid clipped to each planning area, each point
carrying an equal share of the area's residents: planning/coverage/demand.py):

* a point **reaches** a stop within 300 m (bus) or a station within 600 m (S-Bahn, U-Bahn, regional train),
  straight line (EPSG:25833); the walk is longer;
* its **service** is the sum of the reached stops' weights: the VBB's arrivals and departures at each
  station, weighted by mode of transport (the ``weight`` of vbb-stations, kept in TransitStop.attributes);
* its **quality** is service / reference, at most 1: the reference is the service of one U-Bahn station
  (the median weight of the U-Bahn stations in the data, U7 in Spandau). A point with as many departures
  in reach as a U-Bahn station counts fully; one with a bus stop of a quarter of that, a quarter.

Per area, resident-weighted: ``transit_access`` = 100 × mean quality (%, the indicator mapped and
ranked: "share of residents well served, weighted by service"), ``transit_reach`` = % of residents with
any stop in reach, ``rail_distance_m`` = median straight-line distance to the nearest S-Bahn, U-Bahn or
regional station in the data (Spandau and 1.5 km around: across the Havel a straight line has no bridge).

The numbers come from stored EPSG:25833 points (areas projected by GDAL in Python), so both backends give
the same doubles.
"""

from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.utils.translation import gettext as _

from geodata.importers.sources import VBB_STATIONS
from geodata.indicators import classes
from geodata.models import DataSource, TransitMode, TransitStop
from planning.coverage.demand import AreaTable, DemandPoints, demand_points, load_areas
from planning.coverage.method import find_pairs
from planning.coverage.parameters import Parameters

BUS_RADIUS_M = 300.0
RAIL_RADIUS_M = 600.0
RAIL_MODES = frozenset({TransitMode.SBAHN, TransitMode.UBAHN, TransitMode.REGIONAL})
INDICATOR_KEY = "transit_access"
# Fixed class breaks (%), as in geodata.indicators: a colour means the same figure in every view.
CLASS_BREAKS = (20, 40, 60, 80)


@dataclass
class Stops:
    xy: np.ndarray  # (m, 2) metres
    weight: np.ndarray  # (m,) arrivals and departures weighted by mode
    rail: np.ndarray  # (m,) bool: S-Bahn, U-Bahn or regional train
    reference: float  # the weight of one U-Bahn station (median)

    def __len__(self):
        return len(self.weight)


def load_stops():
    rows = TransitStop.objects.order_by("source_key").values_list("geom_metric", "modes", "main_point", "attributes")
    xy, weight, rail, underground = [], [], [], []
    for point, modes, main_point, attributes in rows:
        xy.append((point.x, point.y))
        value = float((attributes or {}).get("weight") or 0)
        weight.append(value)
        rail.append(bool(RAIL_MODES & set(modes)))
        if main_point and TransitMode.UBAHN in modes:
            underground.append(value)
    weight = np.asarray(weight, dtype=float)
    rail = np.asarray(rail, dtype=bool)
    reference = float(np.median(underground)) if underground else float(np.median(weight[rail])) if rail.any() else 0.0
    return Stops(xy=np.asarray(xy, dtype=float).reshape(-1, 2), weight=weight, rail=rail, reference=reference)


def weighted_median(values, weights):
    order = np.argsort(values, kind="stable")
    values, weights = values[order], weights[order]
    cumulative = np.cumsum(weights)
    if not len(values) or cumulative[-1] <= 0:
        return None
    return float(values[np.searchsorted(cumulative, 0.5 * cumulative[-1])])


@dataclass
class TransitAccess:
    areas: AreaTable
    demand: DemandPoints
    stops: Stops
    service: np.ndarray  # per demand point
    reached: np.ndarray  # per demand point, bool
    quality: np.ndarray  # per demand point, 0–1
    rail_distance: np.ndarray  # per demand point, metres (inf without rail stations)

    def _figures(self, members, weights):
        if not len(members) or weights.sum() <= 0:
            return {"transit_access": None, "transit_reach": None, "rail_distance_m": None, "service": None}
        distance = weighted_median(self.rail_distance[members], weights)
        return {
            "transit_access": float(100 * np.average(self.quality[members], weights=weights)),
            "transit_reach": float(100 * np.average(self.reached[members], weights=weights)),
            "rail_distance_m": round(distance) if distance is not None and np.isfinite(distance) else None,
            "service": float(np.average(self.service[members], weights=weights)),
        }

    def _residents(self, members):
        return self.areas.residents[self.demand.area[members]] * self.demand.share[members]

    def area_rows(self):
        """One dict per planning area, in key order: its figures over its own demand points."""
        rows = []
        for index, key in enumerate(self.areas.keys):
            members = np.flatnonzero(self.demand.area == index)
            rows.append({
                "key": key, "name": self.areas.names[index], "ortsteil": self.areas.ortsteil_names[index],
                "ortsteil_key": self.areas.ortsteil_keys[index], "residents": int(self.areas.residents[index]),
                "demand_points": len(members), **self._figures(members, self.demand.share[members]),
            })
        return rows

    def ortsteil_rows(self):
        """One dict per Ortsteil (its planning areas, as the profiles sum them), weighted by residents."""
        ortsteile = sorted(set(zip(self.areas.ortsteil_keys, self.areas.ortsteil_names, strict=True)))
        area_ortsteil = np.asarray(self.areas.ortsteil_keys, dtype=object)[self.demand.area]
        rows = []
        for key, name in ortsteile:
            members = np.flatnonzero(area_ortsteil == key)
            residents = self._residents(members)
            rows.append({"key": key, "name": name, "residents": round(float(residents.sum())),
                         "demand_points": len(members), **self._figures(members, residents)})
        return rows

    def district(self):
        members = np.arange(len(self.demand))
        return self._figures(members, self._residents(members))

    def rows(self, level="planning_area"):
        return self.ortsteil_rows() if level == "ortsteil" else self.area_rows()


def compute(areas=None, demand=None, stops=None):
    """The figures on the coverage analysis's default demand points (or the given ones)."""
    areas = areas if areas is not None else load_areas()
    demand = demand if demand is not None else demand_points(areas, Parameters())
    stops = stops if stops is not None else load_stops()
    n = len(demand)
    service = np.zeros(n)
    reached = np.zeros(n, dtype=bool)
    rail_distance = np.full(n, np.inf)
    if len(stops) and n:
        pairs = find_pairs(demand.xy, stops.xy, RAIL_RADIUS_M)
        radius = np.where(stops.rail, RAIL_RADIUS_M, BUS_RADIUS_M)
        keep = pairs.distance <= radius[pairs.supply]
        service = np.bincount(pairs.demand[keep], weights=stops.weight[pairs.supply[keep]], minlength=n)
        reached = np.bincount(pairs.demand[keep], minlength=n) > 0
        if stops.rail.any():
            rail_xy = stops.xy[stops.rail]
            for start in range(0, n, 2000):
                block = demand.xy[start:start + 2000]
                rail_distance[start:start + 2000] = np.sqrt(
                    ((block[:, None, :] - rail_xy[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
    quality = np.minimum(1.0, service / stops.reference) if stops.reference > 0 else np.zeros(n)
    return TransitAccess(areas=areas, demand=demand, stops=stops, service=service, reached=reached, quality=quality,
                         rail_distance=rail_distance)


CACHE_KEY = "planning:transit-access:v1"
CACHE_SECONDS = 24 * 3600


def figures():
    """{"planning_area": rows, "ortsteil": rows, "district": figures, "reference": weight}: computed once
    (about 0.3 s) and cached until the geodata change (``forget``, connected in planning/apps.py)."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        result = compute()
        cached = {"planning_area": result.area_rows(), "ortsteil": result.ortsteil_rows(),
                  "district": result.district(), "reference": result.stops.reference}
        cache.set(CACHE_KEY, cached, CACHE_SECONDS)
    return cached


def forget(*args, **kwargs):
    cache.delete(CACHE_KEY)


def indicator_definition():
    """The choropleth key of the indicator, in the shape of geodata.indicators.indicator_definitions()."""
    return {
        "key": INDICATOR_KEY,
        "label": _("ÖPNV-Anbindung (gewichtet nach Fahrtenangebot)"),
        "unit": "%",
        "source_note": _("Haltestellen bis 300 m (Bus) bzw. 600 m (S-, U-, Regionalbahn) Luftlinie, gewichtet nach "
                         "Abfahrten; 100 % = so viel Angebot wie an einem U-Bahnhof. VBB-Fahrplandaten."),
        "classes": classes(list(CLASS_BREAKS), "%"),
    }


def source():
    return DataSource.objects.filter(key=VBB_STATIONS.key).first()
