"""Time the coverage-gap analysis (E2SFCA) against a naive Python double loop.

Goals: Spandau real case < 0.3 s, Berlin-sized synthetic case (542 areas, 50,000 supply points)
< 2 s, what-if < 0.5 s. Run on the default database after the usual set-up (`make migrate import`):

    .venv/bin/python benchmarks/coverage.py [--repeat 5] [--seed 42] [--naive-sample 200]

Cases
1. Spandau: the real data in the database (planning areas, population, published directory
   entries). Timed end to end (queries, projection, 250 m grid, method, scores) and the method
   alone on the same arrays. The naive loop runs in full here.
2. Berlin-sized synthetic: 542 Voronoi cells filling a disc of Berlin's area (891.7 km²),
   3.9 million residents, 50,000 supply points (70 % clustered around the cells' seeds, 30 %
   uniform), 250 m grid → about 14,000 demand points. The naive loop would take over an hour:
   it is run on ``--naive-sample`` supply points (step 1) and demand points (step 2) and
   extrapolated linearly in the number of loop iterations — said so in the output.
3. What-if: 1 and 50 new points on the real data through ``service.what_if`` (loads the inputs,
   computes before and after), and 50 points on the synthetic case reusing the baseline's pairs.
"""

import argparse
import math
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

BERLIN_AREA_M2 = 891.7e6
BERLIN_RESIDENTS = 3_900_000


def best_of(repeat, function):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def naive_weight(distance, bounds, weights):
    for bound, weight in zip(bounds, weights, strict=True):
        if distance <= bound:
            return weight
    return 0.0


def naive_step1(demand_xy, demand, supply_xy, bounds, weights):
    """sum_k P_k W(d_kj) for each supply point, two nested Python loops."""
    demand_list, out = demand_xy.tolist(), []
    for sx, sy in supply_xy.tolist():
        total = 0.0
        for k, (x, y) in enumerate(demand_list):
            w = naive_weight(math.hypot(x - sx, y - sy), bounds, weights)
            if w:
                total += demand[k] * w
        out.append(total)
    return out


def naive_step2(demand_xy, supply_xy, ratio, bounds, weights):
    supply_list, out = supply_xy.tolist(), []
    for x, y in demand_xy.tolist():
        total = 0.0
        for j, (sx, sy) in enumerate(supply_list):
            w = naive_weight(math.hypot(x - sx, y - sy), bounds, weights)
            if w:
                total += ratio[j] * w
        out.append(total)
    return out


def naive_e2sfca(demand_xy, demand, supply_xy, supply, zones):
    bounds, weights = zones.bounds, zones.weights
    weighted = naive_step1(demand_xy, list(demand), supply_xy, bounds, weights)
    ratio = [s / d if d > 0 else 0.0 for s, d in zip(supply.tolist(), weighted, strict=True)]
    return np.array(naive_step2(demand_xy, supply_xy, ratio, bounds, weights))


def naive_extrapolated(demand_xy, demand, supply_xy, zones, sample, rng):
    """Seconds the naive loops would need, measured on samples and scaled by loop iterations."""
    n, m = len(demand_xy), len(supply_xy)
    supply_sample = rng.choice(m, size=min(sample, m), replace=False)
    demand_sample = rng.choice(n, size=min(sample, n), replace=False)
    started = time.perf_counter()
    naive_step1(demand_xy, list(demand), supply_xy[supply_sample], zones.bounds, zones.weights)
    step1 = (time.perf_counter() - started) * m / len(supply_sample)
    started = time.perf_counter()
    naive_step2(demand_xy[demand_sample], supply_xy, [1.0] * m, zones.bounds, zones.weights)
    step2 = (time.perf_counter() - started) * n / len(demand_sample)
    return step1 + step2


def synthetic_berlin(seed):
    import shapely

    from planning.coverage.demand import AreaTable

    rng = np.random.default_rng(seed)
    radius = math.sqrt(BERLIN_AREA_M2 / math.pi)
    centre = np.array([390_000.0, 5_820_000.0])
    disc = shapely.Point(*centre).buffer(radius, quad_segs=64)
    # 542 seeds uniformly in the disc (rejection sampling), Voronoi cells clipped to it.
    seeds = []
    while len(seeds) < 542:
        p = rng.uniform(-radius, radius, 2)
        if p @ p <= radius * radius:
            seeds.append(centre + p)
    seeds = np.array(seeds)
    cells = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=disc)
    polygons = np.array([shapely.intersection(cell, disc) for cell in shapely.get_parts(cells)], dtype=object)
    residents = rng.lognormal(0, 0.5, len(polygons))
    residents = np.round(residents / residents.sum() * BERLIN_RESIDENTS)
    migration = np.round(residents * rng.uniform(0.1, 0.7, len(polygons)))
    areas = AreaTable(ids=list(range(len(polygons))), keys=[f"{i:08d}" for i in range(len(polygons))],
                      names=[f"Area {i}" for i in range(len(polygons))], ortsteil_keys=[""] * len(polygons),
                      ortsteil_names=[""] * len(polygons), polygons=polygons, residents=residents,
                      migration_background=migration, status_index=rng.integers(1, 5, len(polygons)).astype(float))
    clustered = seeds[rng.integers(0, len(seeds), 35_000)] + rng.normal(0, 400, (35_000, 2))
    uniform = []
    while len(uniform) < 15_000:
        p = rng.uniform(-radius, radius, (15_000, 2))
        uniform.extend(centre + p[(p * p).sum(axis=1) <= radius * radius])
    supply_xy = np.vstack([clustered, np.array(uniform[:15_000])])
    return areas, supply_xy


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--naive-sample", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from geodata.models import PlanningArea
    from planning.coverage import method, service
    from planning.coverage.demand import grid_points
    from planning.coverage.parameters import Parameters
    from planning.coverage.supply import SupplyPoints

    if not PlanningArea.objects.exists():
        sys.exit("No planning areas: run `make migrate import` (and `manage.py seed_meeting_places`) first.")
    rng = np.random.default_rng(args.seed)
    parameters = Parameters()
    zones = parameters.zones()

    print("== 1. Spandau, real data ==")
    service.compute()  # warm-up: imports, GDAL transformations, query compilation
    end_to_end, computation = best_of(args.repeat, service.compute)
    demand_xy, point_need = computation.demand.xy, computation.point_need
    supply_xy, supply = computation.supply.xy, computation.supply.weight
    core, _ = best_of(args.repeat, lambda: method.e2sfca(demand_xy, point_need, supply_xy, supply, zones))
    started = time.perf_counter()
    naive = naive_e2sfca(demand_xy, point_need, supply_xy, supply, zones)
    naive_time = time.perf_counter() - started
    np.testing.assert_allclose(naive, computation.result.access, rtol=1e-9, atol=1e-18)
    print(f"{len(computation.areas)} areas, {len(demand_xy)} demand points, {len(supply)} supply points, "
          f"{len(computation.pairs)} pairs within {zones.radius:g} m")
    print(f"end to end (DB + grid + method + scores): {end_to_end * 1000:.1f} ms (goal < 300 ms)")
    print(f"method only (pairs + two steps):          {core * 1000:.2f} ms")
    print(f"naive double loop, full run:              {naive_time * 1000:.0f} ms "
          f"-> {naive_time / core:.0f}x slower than the method, same result")

    print("\n== 2. Berlin-sized synthetic case ==")
    areas, supply_xy_b = synthetic_berlin(args.seed)
    supply_b = np.ones(len(supply_xy_b))
    synthetic = SupplyPoints(xy=supply_xy_b, weight=supply_b, kind=["synthetic"] * len(supply_b),
                             ids=[None] * len(supply_b))

    def berlin():
        demand = grid_points(areas.polygons, parameters.grid_spacing)
        return service.compute(parameters, service.Inputs(parameters, areas, demand, synthetic))

    berlin()
    berlin_time, berlin_run = best_of(max(1, args.repeat // 2), berlin)
    grid_time, demand_b = best_of(max(1, args.repeat // 2), lambda: grid_points(areas.polygons, 250.0))
    need_b = berlin_run.point_need
    core_b, _ = best_of(max(1, args.repeat // 2),
                        lambda: method.e2sfca(demand_b.xy, need_b, supply_xy_b, supply_b, zones))
    naive_b = naive_extrapolated(demand_b.xy, need_b, supply_xy_b, zones, args.naive_sample, rng)
    print(f"{len(areas)} areas, {len(demand_b)} demand points, {len(supply_b)} supply points, "
          f"{len(berlin_run.pairs)} pairs")
    print(f"grid + method + scores: {berlin_time * 1000:.0f} ms (goal < 2000 ms); "
          f"grid alone {grid_time * 1000:.0f} ms, method alone {core_b * 1000:.0f} ms")
    print(f"naive double loop: ~{naive_b:.0f} s extrapolated from {args.naive_sample} supply (step 1) and "
          f"{args.naive_sample} demand points (step 2) -> ~{naive_b / core_b:.0f}x slower than the method")

    print("\n== 3. What-if ==")
    sites = [[g.point_on_surface.x, g.point_on_surface.y]
             for g in PlanningArea.objects.order_by("key").values_list("geom", flat=True)]
    one, fifty = sites[:1], (sites * 2)[:50]  # one point per planning area, then again from the first
    what_if_one, _ = best_of(args.repeat, lambda: service.what_if(one))
    what_if_fifty, answer = best_of(args.repeat, lambda: service.what_if(fifty))
    naive_what_if = 2 * naive_time
    print(f"Spandau, 1 point:   {what_if_one * 1000:.1f} ms (goal < 500 ms; loads inputs, before + after)")
    print(f"Spandau, 50 points: {what_if_fifty * 1000:.1f} ms -> naive (two full loops) "
          f"~{naive_what_if * 1000:.0f} ms, {naive_what_if / what_if_fifty:.0f}x")
    new_xy = supply_xy_b[:50] + 123.0
    baseline_pairs = berlin_run.pairs

    def berlin_what_if():
        extra = method.find_pairs(demand_b.xy, new_xy, zones.radius)
        pairs = baseline_pairs.concat(extra, len(supply_b))
        return method.e2sfca_pairs(pairs, need_b, np.r_[supply_b, np.ones(50)], zones, n_demand=len(demand_b))

    berlin_what_if_time, _ = best_of(args.repeat, berlin_what_if)
    print(f"Berlin synthetic, 50 points on cached baseline pairs: {berlin_what_if_time * 1000:.0f} ms")
    assert len(answer["areas"]) == len(computation.areas)


if __name__ == "__main__":
    main()
