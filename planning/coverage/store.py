"""Persisting computations as CoverageRun + CoverageResult rows, and finding the default run."""

import numpy as np
from django.db import DatabaseError, IntegrityError, transaction

from common.read_only import is_read_only_error
from geodata.models import PlanningArea
from planning.coverage.service import compute
from planning.models import CoverageResult, CoverageRun

# Non-default runs (stored by the command with other parameters) kept for comparison.
KEEP_OTHER_RUNS = 10


def save_run(computation, is_default):
    """Stores a computation; a default run replaces the previous default. Returns the run."""
    with transaction.atomic():
        if is_default:
            CoverageRun.objects.filter(is_default=True).delete()
        run = CoverageRun.objects.create(
            parameters=computation.parameters.as_dict(),
            supply_count=len(computation.supply),
            supply_counts=computation.supply.counts(),
            demand_points=len(computation.demand),
            duration_ms=round(computation.duration_ms, 1),
            is_default=is_default,
            reference_access=computation.reference,
            aggregates=computation.aggregates(),
            checksum=computation.checksum(),
        )
        s = computation.scores
        counts = np.bincount(computation.demand.area, minlength=len(computation.areas)).tolist()
        CoverageResult.objects.bulk_create([
            CoverageResult(
                run=run, planning_area_id=pk, population=int(s.population[i]), need=float(s.need[i]),
                access=float(s.access[i]), relative_access=float(s.relative_access[i]), gap_score=float(s.gap[i]),
                rank=int(s.rank[i]), gap_class=int(s.gap_class[i]), demand_points=counts[i],
            )
            for i, pk in enumerate(computation.areas.ids)
        ])
        if not is_default:
            old = CoverageRun.objects.filter(is_default=False).values_list("id", flat=True)[KEEP_OTHER_RUNS:]
            CoverageRun.objects.filter(id__in=list(old)).delete()
    return run


def current_default_run():
    """The stored default run if it is fresh and covers every planning area, else None."""
    run = CoverageRun.objects.filter(is_default=True, stale=False).first()
    if run is None:
        return None
    if run.results.count() != PlanningArea.objects.count():
        return None
    return run


def default_run():
    """The default run, recomputed and stored first when missing or stale. While the database is
    read-only the new run cannot be stored: the stale one serves until it can."""
    run = current_default_run()
    if run is not None:
        return run
    computation = compute()
    try:
        return save_run(computation, is_default=True)
    except IntegrityError:
        # Another request stored one at the same moment: serve that.
        return CoverageRun.objects.filter(is_default=True).first()
    except DatabaseError as error:
        stale = CoverageRun.objects.filter(is_default=True).first() if is_read_only_error(error) else None
        if stale is None:
            raise
        return stale


def result_rows(run):
    """The stored per-area results of a run, in planning-area key order, in the API's shape."""
    rows = (
        CoverageResult.objects.filter(run=run).order_by("planning_area__key").values_list(
            "planning_area__key", "planning_area__name", "planning_area__ortsteil__name",
            "planning_area__ortsteil__key", "population", "need", "access", "relative_access", "gap_score", "rank",
            "gap_class", "demand_points",
        )
    )
    return [
        {
            "key": key, "name": name, "ortsteil": ortsteil, "ortsteil_key": ortsteil_key, "population": population,
            "need": need, "access": access, "relative_access": relative, "gap_score": gap, "rank": rank,
            "class": gap_class, "demand_points": points,
        }
        for key, name, ortsteil, ortsteil_key, population, need, access, relative, gap, rank, gap_class, points in rows
    ]
