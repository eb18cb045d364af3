"""Supply points S_j from the directory (and optionally the facility layers).

Sample entries (``is_sample``, demonstration data) never count unless ``include_samples`` is set.

* Published organisations with a location, weighted by kind (default 1.0 each). An individual
  actor who has not consented to showing the exact address counts at the representative point of
  their planning area, the same place the public map shows them — the analysis uses no location
  the atlas does not publish.
* Published meeting places with a location, weighted by type (default 1.0); optionally by total
  room seats (``room_capacity_unit``).
* Facilities of the types in ``supply_types`` (e.g. community_centre, library), weight
  ``facility_weight``; facilities already present as a meeting place (one per site, see
  atlas/directory/seeding.py) are not counted twice.

Points come from the stored EPSG:25833 columns (``location_metric``, ``geom_metric``), which the
models fill in Python with GDAL on save, so both backends return the same doubles.
"""

from dataclasses import dataclass, field

import numpy as np
import shapely
from django.db.models import Sum
from django.utils.translation import gettext as _

from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from geodata.models import Facility, FacilityType
from planning.coverage.parameters import ParameterError


@dataclass
class SupplyPoints:
    xy: np.ndarray  # (m, 2) metres, EPSG:25833
    weight: np.ndarray  # (m,) S_j
    kind: list = field(default_factory=list)  # "organisation", "meeting_place", "facility", "what_if"
    ids: list = field(default_factory=list)

    def __len__(self):
        return len(self.weight)

    def counts(self):
        result = {}
        for kind in self.kind:
            result[kind] = result.get(kind, 0) + 1
        return result

    def extended(self, xy, weight, kind="what_if"):
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        return SupplyPoints(
            xy=np.concatenate([self.xy, xy]),
            weight=np.concatenate([self.weight, np.broadcast_to(np.asarray(weight, dtype=float), len(xy))]),
            kind=self.kind + [kind] * len(xy),
            ids=self.ids + [None] * len(xy),
        )


def empty_supply():
    return SupplyPoints(xy=np.empty((0, 2)), weight=np.empty(0), kind=[], ids=[])


def load_supply(parameters, areas):
    xy, weight, kind, ids = [], [], [], []
    area_index = areas.index_of_ids()
    representative = None

    published = {"status": PublicationStatus.PUBLISHED, "location_metric__isnull": False}
    if not parameters.include_samples:
        published["is_sample"] = False
    organisations = (
        Organisation.objects.filter(**published)
        .order_by("id")
        .values_list("id", "kind", "consent_publish_address", "planning_area_id", "location_metric")
    )
    for pk, org_kind, consent, planning_area_id, point in organisations:
        if org_kind == Organisation.Kind.INDIVIDUAL and not consent:
            if planning_area_id not in area_index:
                continue
            if representative is None:
                representative = shapely.get_coordinates(shapely.point_on_surface(areas.polygons))
            x, y = representative[area_index[planning_area_id]]
        else:
            x, y = point.x, point.y
        xy.append((x, y))
        weight.append(parameters.organisation_weights.get(org_kind, 1.0))
        kind.append("organisation")
        ids.append(pk)

    capacities = {}
    if parameters.room_capacity_unit > 0:
        capacities = dict(
            MeetingPlace.objects.filter(status=PublicationStatus.PUBLISHED, rooms__capacity__isnull=False)
            .order_by().values("id").annotate(seats=Sum("rooms__capacity")).values_list("id", "seats")
        )
    places = (
        MeetingPlace.objects.filter(**published)
        .order_by("id")
        .values_list("id", "place_type__key", "location_metric")
    )
    for pk, type_key, point in places:
        value = parameters.meeting_place_weights.get(type_key, 1.0)
        if pk in capacities:
            value *= max(1.0, capacities[pk] / parameters.room_capacity_unit)
        xy.append((point.x, point.y))
        weight.append(value)
        kind.append("meeting_place")
        ids.append(pk)

    if parameters.supply_types:
        valid = set(FacilityType.objects.values_list("key", flat=True))
        unknown = [key for key in parameters.supply_types if key not in valid]
        if unknown:
            raise ParameterError(
                _("Unbekannter Wert für supply_types: %(unknown)s. Gültig sind: %(valid)s.")
                % {"unknown": ", ".join(unknown), "valid": ", ".join(sorted(valid))}
            )
        facilities = (
            Facility.objects.filter(facility_type__key__in=parameters.supply_types, meeting_place_link__isnull=True)
            .order_by("id")
            .values_list("id", "geom_metric")
        )
        for pk, point in facilities:
            xy.append((point.x, point.y))
            weight.append(parameters.facility_weight)
            kind.append("facility")
            ids.append(pk)

    # Ordered by position (then weight), not by id: ids depend on insertion order, which differs
    # between databases and imports, and the order fixes the floating-point summation order.
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    weight = np.asarray(weight, dtype=float)
    order = np.lexsort((weight, xy[:, 1], xy[:, 0]))
    return SupplyPoints(xy=xy[order], weight=weight[order], kind=[kind[i] for i in order], ids=[ids[i] for i in order])
