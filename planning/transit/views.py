"""The public-transport figures where planners read them: the profiles (and the report) and the planner's
table and map (planning/planner.py)."""

from planning.transit import access

# Beyond this median distance to the nearest rail station (straight line) the profile says so in words.
FAR_FROM_RAIL_M = 3000


def ranked(rows):
    """{key: rank} by transit_access, 1 = weakest (as rank 1 is the largest gap in the coverage ranking)."""
    present = sorted((row for row in rows if row["transit_access"] is not None),
                     key=lambda row: (row["transit_access"], row["key"]))
    return {row["key"]: rank for rank, row in enumerate(present, start=1)}


def profile_transit(subject, kind):
    """What the profile's section "Bus und Bahn" shows: the subject's figures, the district's, its rank, and
    for an Ortsteil the rows of its planning areas."""
    figures = access.figures()
    level = "ortsteil" if kind == "ortsteil" else "planning_area"
    rows = figures[level]
    row = next((row for row in rows if row["key"] == subject.key), None)
    members = [area for area in figures["planning_area"] if area["ortsteil_key"] == subject.key] \
        if kind == "ortsteil" else []
    return {
        "row": row,
        "district": figures["district"],
        "rank": ranked(rows).get(subject.key),
        "total": len(rows),
        "members": members,
        "far_from_rail": bool(row and row["rail_distance_m"] and row["rail_distance_m"] > FAR_FROM_RAIL_M),
        "radii": {"bus": round(access.BUS_RADIUS_M), "rail": round(access.RAIL_RADIUS_M)},
        "source": access.source(),
    }


def planner_facts():
    """{planning area key: {"transitAccess", "transitReach", "railDistance"}} for the planner's page config."""
    return {
        row["key"]: {"transitAccess": row["transit_access"], "transitReach": row["transit_reach"],
                     "railDistance": row["rail_distance_m"]}
        for row in access.figures()["planning_area"]
    }
