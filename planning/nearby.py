"""Published organisations and meeting places inside an area and near it, at their public points.

An individual actor without consent to publish the address is placed at the representative point
of their planning area, exactly as the public map shows them (atlas.directory.queries.public_points).
"""

import shapely

from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from atlas.directory.queries import public_points

# "Nearby": within the default catchment of the coverage analysis, measured from the outline.
NEARBY_METRES = 1000.0


def entries_around(polygon, distance=NEARBY_METRES):
    """{"inside": [...], "nearby": [...]} for a shapely polygon in EPSG:25833, each list by name
    (inside) or distance (nearby); an item is {entry, kind, distance_m}."""
    candidates = []
    organisations = Organisation.objects.filter(status=PublicationStatus.PUBLISHED).select_related("planning_area")
    for entry in organisations:
        candidates.append((entry, "organisation"))
    places = (MeetingPlace.objects.filter(status=PublicationStatus.PUBLISHED).select_related("place_type", "source")
              .prefetch_related("facilities__source"))
    for entry in places:
        candidates.append((entry, "meeting_place"))
    hidden_areas = [entry.planning_area_id for entry, kind in candidates
                    if kind == "organisation" and not entry.shows_exact_location]
    points = public_points(hidden_areas)

    inside, nearby = [], []
    for entry, kind in candidates:
        if kind == "organisation" and not entry.shows_exact_location:
            public = points.get(entry.planning_area_id)
            xy = (public.x, public.y) if public else None
        else:
            metric = entry.location_metric
            xy = (metric.x, metric.y) if metric is not None else None
        if xy is None:
            continue
        point = shapely.Point(xy)
        item = {"entry": entry, "kind": kind, "exact": kind != "organisation" or entry.shows_exact_location,
                "xy": xy}
        if polygon.contains(point):
            inside.append({**item, "distance_m": 0})
        else:
            metres = polygon.distance(point)
            if metres <= distance:
                nearby.append({**item, "distance_m": round(metres)})
    inside.sort(key=lambda item: (item["entry"].name.casefold(), item["kind"]))
    nearby.sort(key=lambda item: (item["distance_m"], item["entry"].name.casefold()))
    return {"inside": inside, "nearby": nearby, "distance": distance}
