"""Coverage ranks for the profiles and the report, read from the stored default run
(``store.default_run`` recomputes it first if directory data changed)."""

from django.utils.translation import gettext as _

from planning.coverage import store
from planning.models import CoverageResult

# Gap classes 1–5 (class 5 = largest gap), ColorBrewer YlOrRd 5: colour-blind safe, light to dark.
GAP_COLOURS = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]


def gap_classes():
    labels = {1: _("1 – kleinste Lücken"), 2: "2", 3: "3", 4: "4", 5: _("5 – größte Lücken")}
    return [{"value": value, "colour": GAP_COLOURS[value - 1], "label": str(labels[value])} for value in range(1, 6)]


def gap_colour(gap_class):
    return GAP_COLOURS[gap_class - 1] if gap_class and 1 <= gap_class <= 5 else "#bdbdbd"


def coverage_for(profile):
    """{run, areas: [rows by district rank], total, aggregate (Ortsteil), row (planning area)}."""
    run = store.default_run()
    results = list(
        CoverageResult.objects.filter(run=run).select_related("planning_area", "planning_area__ortsteil")
        .order_by("rank")
    )
    keys = {area.key for area in profile.areas}
    rows = [
        {
            "key": r.planning_area.key, "name": r.planning_area.name, "ortsteil": r.planning_area.ortsteil.name,
            "population": r.population, "need": r.need, "access": r.access,
            "relative_access": r.relative_access, "access_index": r.relative_access * 100,
            "gap_score": r.gap_score, "rank": r.rank, "gap_class": r.gap_class, "colour": gap_colour(r.gap_class),
        }
        for r in results if r.planning_area.key in keys
    ]
    aggregate = None
    if profile.kind == "ortsteil":
        aggregate = next((row for row in run.aggregates.get("ortsteile", []) if row["key"] == profile.subject.key),
                         None)
        if aggregate:
            aggregate = {**aggregate, "access_index": aggregate["relative_access"] * 100,
                         "total": len(run.aggregates.get("ortsteile", []))}
    return {
        "run": run, "rows": rows, "total": len(results), "aggregate": aggregate,
        "row": rows[0] if profile.kind == "planning_area" and rows else None,
        "catchment": run.parameters.get("catchment"),
    }
