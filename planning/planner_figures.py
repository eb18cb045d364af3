"""The "figures behind a rank" of one planning area (GET /planung/zahlen/<key>/?catchment=…): the supply
within its catchment for the planner's parameters — counts by kind and distance zone, and the entries
counted, each with its distance and the weight its zone gives it.

An entry is counted when it lies within the catchment of at least one of the area's demand points;
its distance is the straight line to the nearest of them (as the method measures it). Entries are
given at their public points: an individual actor without address consent at the planning area's
representative point (planning/coverage/supply.py), never more exactly.
"""

import numpy as np
from django.conf import settings
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.contrib.gis.geos import MultiPoint, Point
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views import View
from rest_framework.exceptions import ParseError

from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.queries import public_points
from geodata.models import Facility
from planning.api import parameters_from
from planning.coverage import service
from planning.coverage.parameters import CATCHMENT_RANGE, ParameterError

DISTANCE_STEP_M = 10


def to_lonlat(xy):
    """(n, 2) EPSG:25833 metres → [[lon, lat], …] rounded to 5 decimals (about 1 m)."""
    if not len(xy):
        return []
    points = MultiPoint([Point(float(x), float(y)) for x, y in xy], srid=settings.METRIC_SRID)
    points.transform(CoordTransform(SpatialReference(settings.METRIC_SRID), SpatialReference(settings.STORAGE_SRID)))
    return [[round(point.x, 5), round(point.y, 5)] for point in points]


def describe(kind_ids):
    """{(kind, id): {name, url, exact, sample}} for the supply points counted: public facts only; an
    individual shown by area only gets the point the public map shows (``public``, lon/lat)."""
    described = {}
    organisations = list(Organisation.objects.filter(id__in=kind_ids.get("organisation", [])).values_list(
        "id", "name", "slug", "kind", "consent_publish_address", "is_sample", "planning_area_id"))
    hidden = public_points([area for _pk, _n, _s, kind, consent, _sample, area in organisations
                            if Organisation.hides_location(kind, consent)])
    for pk, name, slug, kind, consent, sample, area in organisations:
        fact = {"name": name, "url": Organisation(slug=slug).get_absolute_url(), "sample": sample,
                "exact": not Organisation.hides_location(kind, consent)}
        if not fact["exact"] and area in hidden:
            fact["public"] = [round(hidden[area].lon, 5), round(hidden[area].lat, 5)]
        described[("organisation", pk)] = fact
    places = MeetingPlace.objects.filter(id__in=kind_ids.get("meeting_place", [])).values_list(
        "id", "name", "slug", "is_sample")
    for pk, name, slug, sample in places:
        described[("meeting_place", pk)] = {"name": name, "url": MeetingPlace(slug=slug).get_absolute_url(),
                                            "sample": sample, "exact": True}
    facilities = Facility.objects.filter(id__in=kind_ids.get("facility", [])).values_list("id", "name")
    for pk, name in facilities:
        described[("facility", pk)] = {"name": name, "url": None, "sample": False, "exact": True}
    return described


def rounded(metres):
    return int(max(DISTANCE_STEP_M, round(metres / DISTANCE_STEP_M) * DISTANCE_STEP_M))


def supply_in_reach(inputs, index, zones):
    """Indices of the supply points within reach of area ``index`` and their distances (nearest first)."""
    demand = inputs.demand.xy[inputs.demand.area == index]
    supply = inputs.supply
    if not len(demand) or not len(supply):
        return np.empty(0, np.int64), np.empty(0), len(demand)
    distance = np.sqrt(((demand[:, None, :] - supply.xy[None, :, :]) ** 2).sum(axis=2)).min(axis=0)
    reached = np.flatnonzero(distance <= zones.radius)
    order = reached[np.lexsort((reached, distance[reached]))]
    return order, distance[order], len(demand)


class PlannerFiguresView(View):
    """Read-only, public data only; 400 for invalid parameters, 404 for an unknown planning area."""

    def get(self, request, key):
        try:
            parameters = parameters_from(request.GET)
            inputs = service.load_inputs(parameters)
        except (ParseError, ParameterError) as error:
            return JsonResponse({"detail": str(error)}, status=400)
        try:
            index = inputs.areas.keys.index(key)
        except ValueError:
            raise Http404(_("Unbekannter Planungsraum.")) from None
        zones = parameters.zones()
        reached, distances, n_demand = supply_in_reach(inputs, index, zones)
        supply = inputs.supply
        by_kind, by_zone = {}, [0] * len(zones.bounds)
        kind_ids = {}
        for j, metres in zip(reached, distances, strict=True):
            by_kind[supply.kind[j]] = by_kind.get(supply.kind[j], 0) + 1
            by_zone[int(np.searchsorted(zones.bounds, metres, side="left"))] += 1
            kind_ids.setdefault(supply.kind[j], []).append(supply.ids[j])
        facts = describe(kind_ids)
        weights = zones.weight(distances)
        entries = []
        for j, metres, weight, lonlat in zip(reached, distances, weights, to_lonlat(supply.xy[reached]), strict=True):
            fact = facts.get((supply.kind[j], supply.ids[j]))
            if fact is None:
                continue
            point = fact.pop("public", lonlat)
            entries.append({"kind": supply.kind[j], "id": supply.ids[j], **fact, "distance_m": rounded(metres),
                            "weight": round(float(weight), 2), "point": point})
        return JsonResponse({
            "key": key,
            "catchment": parameters.catchment,
            "zones_m": [round(bound) for bound in zones.bounds],
            "zone_weights": [round(weight, 2) for weight in zones.weights],
            "supply_in_reach": sum(by_kind.values()),
            "by_kind": by_kind,
            "by_zone": by_zone,
            "entries": entries,
            "demand_points": n_demand,
            "catchment_range": list(CATCHMENT_RANGE),
        })
