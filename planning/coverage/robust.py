"""Robust gaps: which planning areas stay among the largest gaps under every reasonable choice.

The gap ranking rests on choices a planner could make otherwise. Twelve settings cover the reasonable
alternatives: catchment 500, 1,000 or 1,500 m × need = residents with migration background or all
residents × MSS weight off (0) or on (1: status "sehr niedrig" counts double). For each area the table
says in how many of them it is in the top 10; an area in the top 10 under 12 of 12 is a robust gap,
one under 1 of 12 an artefact of one choice. Everything else (supply, demand grid, zones) stays at the
default parameters.

The same computation measures what moves the ranking most: for each dimension, the mean top-10
overlap of the settings that differ in that dimension only (the method page quotes it).

One call loads areas, demand and supply once, finds the demand-supply pairs once per catchment and
runs E2SFCA twelve times (``service.compute``, so each setting equals the planner's figures for it).
The answer is cached under the stored default run (``store.default_run``), which changes whenever
directory data or the default figures change; while the cache is unreachable it is computed (common/cache.py).
"""

import itertools
import time
from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.db import DatabaseError

from common.read_only import is_read_only_error
from planning.coverage import method, service, store
from planning.coverage.demand import demand_points, load_areas
from planning.coverage.parameters import Parameters
from planning.coverage.supply import load_supply

CATCHMENTS = (500.0, 1000.0, 1500.0)
NEEDS = ("migration_background", "residents")
MSS_WEIGHTS = (0.0, 1.0)
TOP = service.TOP
CACHE_TIMEOUT = 24 * 3600  # seconds; the key changes with the data anyway
CACHE_VERSION = 1


@dataclass(frozen=True)
class Setting:
    catchment: float
    need: str
    mss_weight: float

    def as_dict(self):
        return {"catchment": self.catchment, "need": self.need, "mss_weight": self.mss_weight}


def settings():
    """The twelve settings, catchment first, then need, then MSS weight."""
    return [Setting(c, n, m) for c, n, m in itertools.product(CATCHMENTS, NEEDS, MSS_WEIGHTS)]


def _overlaps(tops, dimension):
    """Top-``TOP`` overlaps of every pair of settings that differ in ``dimension`` only."""
    others = [name for name in ("catchment", "need", "mss_weight") if name != dimension]
    result = []
    for first, second in itertools.combinations(tops, 2):
        a, b = first[0], second[0]
        if getattr(a, dimension) != getattr(b, dimension) and all(getattr(a, o) == getattr(b, o) for o in others):
            result.append(len(first[1] & second[1]))
    return result


def compute_robust(base=None):
    """{settings, areas, sensitivity, need_overlap, n, top, duration_ms}: plain data (JSON, cache)."""
    started = time.perf_counter()
    base = base or Parameters()
    areas = load_areas()
    demand = demand_points(areas, base)
    supply = load_supply(base, areas)
    pairs = {catchment: method.find_pairs(demand.xy, supply.xy, base.replace(catchment=catchment).zones().radius)
             for catchment in CATCHMENTS}
    tops, ranks = [], []
    for setting in settings():
        parameters = base.replace(**setting.as_dict())
        computation = service.compute(parameters, service.Inputs(parameters, areas, demand, supply),
                                      pairs=pairs[setting.catchment])
        rank = computation.scores.rank
        ranks.append(rank)
        tops.append((setting, {areas.keys[i] for i in np.flatnonzero(rank <= TOP)}))

    index = {(s.catchment, s.need, s.mss_weight): n for n, (s, _top) in enumerate(tops)}
    default = index.get((base.catchment, base.need, base.mss_weight))
    default_rank = ranks[default] if default is not None else ranks[0]
    rows = []
    for i, key in enumerate(areas.keys):
        inside = [n for n, (_setting, top) in enumerate(tops) if key in top]
        if not inside:
            continue
        rows.append({
            "key": key, "name": areas.names[i], "ortsteil": areas.ortsteil_names[i], "count": len(inside),
            "settings": inside, "default_rank": int(default_rank[i]),
            "best_rank": int(min(rank[i] for rank in ranks)), "worst_rank": int(max(rank[i] for rank in ranks)),
        })
    rows.sort(key=lambda row: (-row["count"], row["default_rank"]))
    sensitivity = {}
    for dimension in ("need", "catchment", "mss_weight"):
        values = _overlaps(tops, dimension)
        sensitivity[dimension] = {"mean": float(np.mean(values)), "min": int(min(values)), "max": int(max(values)),
                                  "pairs": len(values)}
    other_need = next(need for need in NEEDS if need != base.need)
    other = index.get((base.catchment, other_need, base.mss_weight))
    need_overlap = len(tops[default][1] & tops[other][1]) if default is not None and other is not None else None
    return {
        "top": TOP,
        "n": len(tops),
        "default_setting": default,
        "settings": [{**setting.as_dict(), "top": sorted(top)} for setting, top in tops],
        "areas": rows,
        "sensitivity": sensitivity,
        "need_overlap": need_overlap,
        "supply_count": len(supply),
        "demand_points": len(demand),
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
    }


def cache_key(run):
    """The stored default run names the data: a new one is made whenever the directory changed (it
    marks the run stale) or the coverage was recomputed after an import."""
    return f"planning:robust:{CACHE_VERSION}:{run.pk}:{run.computed_at.timestamp():.6f}:{run.checksum[:16]}"


def robust_gaps():
    """The robust-gaps table of the default parameters, from the cache when it holds it; ``cached``
    says which. The stored default run names the data for the cache; while the database is read-only and
    holds none, the table is computed and not cached."""
    try:
        run = store.default_run()
    except DatabaseError as error:
        if not is_read_only_error(error):
            raise
        run = None
    key = cache_key(run) if run is not None else None
    answer = cache.get(key) if key else None
    if answer is not None:
        return {**answer, "cached": True}
    answer = compute_robust()
    if key:
        cache.set(key, answer, timeout=CACHE_TIMEOUT)
    return {**answer, "cached": False}
