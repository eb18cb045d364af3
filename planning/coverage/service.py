"""Orchestration: database → arrays → method → per-area scores, aggregates, what-if, sensitivity.

Called by the API views, the ``compute_coverage`` command, the benchmark and the tests alike.
"""

import hashlib
import time
from dataclasses import dataclass

import numpy as np
import shapely
from django.utils.translation import gettext as _

from geodata.models import HousingEstate, Ortsteil
from planning.coverage import method
from planning.coverage.demand import (
    AreaTable,
    DemandPoints,
    demand_points,
    load_areas,
    lonlat_to_metric,
    metric_transform,
    to_metric,
)
from planning.coverage.parameters import ParameterError, Parameters
from planning.coverage.supply import SupplyPoints, load_supply

MAX_WHAT_IF_POINTS = 50
TOP = 10


@dataclass
class Scores:
    """Per-unit scores (planning areas, Ortsteile or estates), all arrays in the same order."""

    need: np.ndarray
    population: np.ndarray
    access: np.ndarray
    relative_access: np.ndarray
    gap: np.ndarray
    rank: np.ndarray
    gap_class: np.ndarray


def score(need, population, access, reference, keys):
    access = np.nan_to_num(access)
    relative, gap = method.gap_scores(need, access, reference)
    rank, gap_class = method.rank_and_class(gap, need, keys)
    return Scores(need=need, population=population, access=access, relative_access=relative, gap=gap, rank=rank,
                  gap_class=gap_class)


@dataclass
class Computation:
    parameters: Parameters
    areas: AreaTable
    demand: DemandPoints
    supply: SupplyPoints
    pairs: method.Pairs
    result: method.Result
    point_need: np.ndarray
    point_population: np.ndarray
    reference: float  # need-weighted mean access of the whole district
    scores: Scores
    duration_ms: float

    def area_rows(self):
        """One dict per planning area in key order (the shape the API and the store use)."""
        s = self.scores
        counts = np.bincount(self.demand.area, minlength=len(self.areas))
        return [
            {
                "key": key,
                "name": self.areas.names[i],
                "ortsteil": self.areas.ortsteil_names[i],
                "ortsteil_key": self.areas.ortsteil_keys[i],
                "population": int(s.population[i]),
                "need": float(s.need[i]),
                "access": float(s.access[i]),
                "relative_access": float(s.relative_access[i]),
                "gap_score": float(s.gap[i]),
                "rank": int(s.rank[i]),
                "class": int(s.gap_class[i]),
                "demand_points": int(counts[i]),
            }
            for i, key in enumerate(self.areas.keys)
        ]

    def _arrays(self):
        return (self.demand.xy, self.point_need, self.supply.xy, self.supply.weight, self.result.ratio,
                self.result.access, self.scores.access, self.scores.gap)

    def checksum(self):
        """SHA-256 over the raw bytes of inputs and outputs: equal only if bit-identical (stored with a run,
        to tell whether two runs computed exactly the same on this machine)."""
        digest = hashlib.sha256()
        for array in self._arrays():
            digest.update(np.ascontiguousarray(array, dtype=np.float64).tobytes())
        digest.update(self.scores.rank.astype(np.int64).tobytes())
        return digest.hexdigest()

    def fingerprint(self, digits=10):
        """SHA-256 over inputs and outputs written with ``digits`` significant digits, and the ranks: equal
        across backends and machines. The last bits of a float sum depend on the CPU's vector units (numpy
        picks its kernels at run time), so ``checksum`` differs between machines with the code unchanged."""
        digest = hashlib.sha256()
        for array in self._arrays():
            values = np.ascontiguousarray(array, dtype=np.float64).ravel()
            digest.update(",".join(f"{value:.{digits - 1}e}" for value in values).encode())
        digest.update(self.scores.rank.astype(np.int64).tobytes())
        return digest.hexdigest()

    def aggregates(self):
        """Ortsteile and housing estates: demand points inside each outline, need-weighted."""
        return {
            "ortsteile": self._aggregate(Ortsteil.objects.order_by("key").values_list("key", "name", "geom")),
            "housing_estates": self._aggregate(
                HousingEstate.objects.order_by("name", "id").values_list("id", "name", "geom")
            ),
        }

    def _aggregate(self, rows):
        transform = metric_transform()
        keys, names, polygons = [], [], []
        for key, name, geom in rows:
            keys.append(str(key))
            names.append(name)
            polygons.append(to_metric(geom, transform))
        n = len(keys)
        if not n:
            return []
        x, y = self.demand.xy[:, 0], self.demand.xy[:, 1]
        members = [np.flatnonzero(shapely.contains_xy(polygon, x, y)) for polygon in polygons]
        need = np.array([self.point_need[m].sum() for m in members])
        population = np.array([self.point_population[m].sum() for m in members])
        access = np.array([
            method.group_mean(self.result.access[m], self.point_need[m], np.zeros(len(m), np.int64), 1)[0]
            if len(m) else np.nan for m in members
        ])
        s = score(need, population, access, self.reference, keys)
        return [
            {
                "key": keys[i], "name": names[i], "population": round(float(population[i])),
                "need": float(need[i]), "access": float(s.access[i]), "relative_access": float(s.relative_access[i]),
                "gap_score": float(s.gap[i]), "rank": int(s.rank[i]), "class": int(s.gap_class[i]),
                "demand_points": len(members[i]),
            }
            for i in range(n)
        ]


@dataclass
class Inputs:
    """What the method needs from the database, loaded once per computation (or what-if)."""

    parameters: Parameters
    areas: AreaTable
    demand: DemandPoints
    supply: SupplyPoints


def load_inputs(parameters):
    areas = load_areas()
    return Inputs(parameters, areas, demand_points(areas, parameters), load_supply(parameters, areas))


def compute(parameters=None, inputs=None, pairs=None, reference=None):
    """Runs E2SFCA for ``parameters`` (default: the default parameters) on the current data."""
    started = time.perf_counter()
    parameters = parameters or Parameters()
    inputs = inputs or load_inputs(parameters)
    areas, demand, supply = inputs.areas, inputs.demand, inputs.supply
    zones = parameters.zones()
    need = areas.need(parameters)
    point_need = need[demand.area] * demand.share
    point_population = areas.residents[demand.area] * demand.share
    if pairs is None:
        pairs = method.find_pairs(demand.xy, supply.xy, zones.radius)
    result = method.e2sfca_pairs(pairs, point_need, supply.weight, zones, n_demand=len(demand))
    access = method.group_mean(result.access, point_need, demand.area, len(areas))
    total_need = point_need.sum()
    own_reference = float((point_need * result.access).sum() / total_need) if total_need > 0 else 0.0
    scores = score(need, areas.residents, access, own_reference if reference is None else reference, areas.keys)
    return Computation(
        parameters=parameters, areas=areas, demand=demand, supply=supply, pairs=pairs, result=result,
        point_need=point_need, point_population=point_population, reference=own_reference, scores=scores,
        duration_ms=(time.perf_counter() - started) * 1000,
    )


# -- what-if ------------------------------------------------------------------------------------

def validate_points(points):
    """[[lon, lat], …] → (n, 2) float array; ParameterError for anything else."""
    if not isinstance(points, list) or not points:
        raise ParameterError(_("points muss eine nicht leere Liste von [Länge, Breite]-Paaren sein."))
    if len(points) > MAX_WHAT_IF_POINTS:
        raise ParameterError(_("Höchstens %(max)d Punkte auf einmal (waren %(count)d).")
                             % {"max": MAX_WHAT_IF_POINTS, "count": len(points)})
    pairs = []
    for point in points:
        if (not isinstance(point, list | tuple) or len(point) != 2
                or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in point)):
            raise ParameterError(_("Jeder Punkt muss ein Paar [Länge, Breite] aus Zahlen sein, nicht %(point)s.")
                                 % {"point": str(point)[:60]})
        lon, lat = float(point[0]), float(point[1])
        if not (np.isfinite(lon) and np.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
            raise ParameterError(_("Ungültige Koordinaten %(point)s.") % {"point": str(point)[:60]})
        pairs.append((lon, lat))
    return np.asarray(pairs, dtype=float)


def what_if(lonlat, weight=1.0, parameters=None, inputs=None):
    """Access, gap and rank per planning area before and after adding supply at ``lonlat``.

    "After" scores use the baseline's district reference, so an area the new points do not reach
    keeps its gap score exactly; ranks are recomputed. Nothing is stored.
    """
    started = time.perf_counter()
    parameters = parameters or Parameters()
    lonlat = validate_points(lonlat)
    try:
        weight = float(weight)
    except (TypeError, ValueError):
        raise ParameterError(_("weight muss eine Zahl sein.")) from None
    if not (np.isfinite(weight) and 0 < weight <= 100):
        raise ParameterError(_("weight muss größer als 0 und höchstens 100 sein."))
    inputs = inputs or load_inputs(parameters)
    xy = lonlat_to_metric(lonlat)
    inside = np.full(len(xy), -1)
    for index, polygon in enumerate(inputs.areas.polygons):
        inside[(inside < 0) & shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])] = index
    if (inside < 0).any():
        outside = [list(map(float, p)) for p in lonlat[inside < 0]]
        raise ParameterError(_("Punkte außerhalb Spandaus: %(points)s.") % {"points": str(outside)[:200]})

    before = compute(parameters, inputs)
    radius = parameters.zones().radius
    extra = method.find_pairs(inputs.demand.xy, xy, radius)
    supply = inputs.supply.extended(xy, weight)
    after_inputs = Inputs(parameters, inputs.areas, inputs.demand, supply)
    after = compute(parameters, after_inputs, pairs=before.pairs.concat(extra, len(inputs.supply)),
                    reference=before.reference)
    rows = []
    b, a = before.scores, after.scores
    for i, key in enumerate(inputs.areas.keys):
        rows.append({
            "key": key, "name": inputs.areas.names[i], "ortsteil": inputs.areas.ortsteil_names[i],
            "need": float(b.need[i]),
            "access_before": float(b.access[i]), "access_after": float(a.access[i]),
            "gap_score_before": float(b.gap[i]), "gap_score_after": float(a.gap[i]),
            "rank_before": int(b.rank[i]), "rank_after": int(a.rank[i]),
            "class_before": int(b.gap_class[i]), "class_after": int(a.gap_class[i]),
        })
    return {
        "parameters": parameters.as_dict(),
        "weight": weight,
        "points": [
            {"lon": float(lon), "lat": float(lat), "planning_area": inputs.areas.keys[inside[n]]}
            for n, (lon, lat) in enumerate(lonlat)
        ],
        "reference_access": before.reference,
        "areas": rows,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
    }


# -- sensitivity --------------------------------------------------------------------------------

def compare(first, second, top=TOP):
    """Spearman correlation of two gap scorings and the overlap of their top-``top`` areas."""
    keys = first.areas.keys
    top_first = {keys[i] for i in np.flatnonzero(first.scores.rank <= top)}
    top_second = {keys[i] for i in np.flatnonzero(second.scores.rank <= top)}
    return {
        "spearman_gap": method.spearman(first.scores.gap, second.scores.gap),
        "spearman_access": method.spearman(first.scores.access, second.scores.access),
        "top_overlap": len(top_first & top_second),
        "top": top,
        "only_first": sorted(top_first - top_second),
        "only_second": sorted(top_second - top_first),
        "max_rank_shift": int(np.abs(first.scores.rank - second.scores.rank).max()),
    }


def sensitivity(parameters=None):
    """The default grid against centroid-only demand and against other grid spacings / catchments."""
    parameters = parameters or Parameters()
    base = compute(parameters)
    variants = [("demand=centroid", parameters.replace(demand="centroid"))]
    variants += [(f"grid={g:g}", parameters.replace(grid_spacing=g)) for g in (100.0, 500.0)
                 if g != parameters.grid_spacing]
    variants += [(f"catchment={c:g}", parameters.replace(catchment=c)) for c in (500.0, 750.0, 1500.0, 2000.0)
                 if c != parameters.catchment]
    report = {"base": parameters.as_dict(), "supply": len(base.supply), "demand_points": len(base.demand),
              "variants": []}
    for label, variant in variants:
        other = compute(variant)
        report["variants"].append({"variant": label, "demand_points": len(other.demand), **compare(base, other)})
    return report
