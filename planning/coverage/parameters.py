"""Parameters of a coverage computation: defaults, limits, validation, a canonical JSON form.

Every parameter is plain data so a run can store exactly what it was computed with, and two
parameter sets compare equal when their canonical dicts do.
"""

import math
from dataclasses import asdict, dataclass, field, fields

from django.utils.translation import gettext as _

from planning.coverage.method import LUO_QI_FRACTIONS, LUO_QI_WEIGHTS, Zones

NEEDS = ("migration_background", "residents")
DEMAND_METHODS = ("grid", "centroid")
CATCHMENT_RANGE = (500.0, 2000.0)
GRID_RANGE = (50.0, 1000.0)
MSS_WEIGHT_RANGE = (0.0, 1.0)


class ParameterError(ValueError):
    """A parameter value outside what the method allows; the message is meant for people."""


@dataclass
class Parameters:
    # Walking catchment d0 in metres, straight line in EPSG:25833.
    catchment: float = 1000.0
    # Whom the demand counts: residents with migration background, or all residents.
    need: str = "migration_background"
    # Uplift of demand by the MSS status index: P x (1 + mss_weight x (status - 1) / 3).
    mss_weight: float = 0.0
    # Facility types counted as supply besides organisations and meeting places (FacilityType keys).
    supply_types: tuple = ()
    # Representative demand points: a regular grid clipped to the planning area, or its centroid.
    demand: str = "grid"
    grid_spacing: float = 250.0
    # Distance zones as fractions of the catchment, and their weights (Luo & Qi 2009).
    zone_fractions: tuple = LUO_QI_FRACTIONS
    zone_weights: tuple = LUO_QI_WEIGHTS
    # Supply weights S_j by organisation kind / meeting-place type key; unlisted ones weigh 1.0.
    organisation_weights: dict = field(default_factory=dict)
    meeting_place_weights: dict = field(default_factory=dict)
    facility_weight: float = 1.0
    # > 0: a meeting place weighs its type weight x max(1, total room seats / this many seats).
    room_capacity_unit: float = 0.0
    # Sample entries ("Beispiel/Sample") are demonstration data and not counted unless asked for.
    include_samples: bool = False

    def __post_init__(self):
        self.validate()

    # -- validation ---------------------------------------------------------------------------

    def validate(self):
        self.catchment = _number(self.catchment, "catchment", *CATCHMENT_RANGE)
        if self.need not in NEEDS:
            raise ParameterError(_("need muss einer der Werte %(valid)s sein.") % {"valid": ", ".join(NEEDS)})
        self.mss_weight = _number(self.mss_weight, "mss_weight", *MSS_WEIGHT_RANGE)
        if isinstance(self.supply_types, str):
            self.supply_types = self.supply_types.split(",")
        self.supply_types = tuple(sorted({str(key).strip() for key in self.supply_types if str(key).strip()}))
        if self.demand not in DEMAND_METHODS:
            raise ParameterError(_("demand muss einer der Werte %(valid)s sein.")
                                 % {"valid": ", ".join(DEMAND_METHODS)})
        self.grid_spacing = _number(self.grid_spacing, "grid", *GRID_RANGE)
        self.zone_fractions = tuple(_number(v, "zone_fractions", 0.01, 1.0) for v in self.zone_fractions)
        self.zone_weights = tuple(_number(v, "zone_weights", 0.0, 1.0) for v in self.zone_weights)
        if not self.zone_fractions or self.zone_fractions[-1] != 1.0:
            raise ParameterError(_("zone_fractions muss mit 1.0 (dem Einzugsradius) enden."))
        try:
            self.zones()
        except ValueError as error:
            raise ParameterError(_("Ungültige Zonen: %(error)s") % {"error": error}) from None
        self.organisation_weights = _weights(self.organisation_weights, "organisation_weights")
        self.meeting_place_weights = _weights(self.meeting_place_weights, "meeting_place_weights")
        self.facility_weight = _number(self.facility_weight, "facility_weight", 0.0, 1000.0)
        self.room_capacity_unit = _number(self.room_capacity_unit, "room_capacity_unit", 0.0, 10_000.0)
        if not isinstance(self.include_samples, bool):
            raise ParameterError(_("include_samples muss true oder false sein."))

    def zones(self):
        return Zones.e2sfca(self.catchment, self.zone_fractions, self.zone_weights)

    # -- canonical form -----------------------------------------------------------------------

    def as_dict(self):
        data = asdict(self)
        data["supply_types"] = list(self.supply_types)
        data["zone_fractions"] = list(self.zone_fractions)
        data["zone_weights"] = list(self.zone_weights)
        data["zones_m"] = [round(bound, 3) for bound in self.zones().bounds]
        return data

    @classmethod
    def from_dict(cls, data):
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known - {"zones_m"}
        if unknown:
            raise ParameterError(_("Unbekannte Parameter: %(names)s.") % {"names": ", ".join(sorted(unknown))})
        return cls(**{key: value for key, value in data.items() if key in known})

    def replace(self, **changes):
        return Parameters.from_dict({**self.as_dict(), **changes})

    def __eq__(self, other):
        return isinstance(other, Parameters) and self.as_dict() == other.as_dict()

    def __hash__(self):
        return hash(repr(sorted(self.as_dict().items(), key=lambda item: item[0])))

    @property
    def is_default(self):
        return self == Parameters()


def _number(value, name, low, high):
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ParameterError(_("%(name)s muss eine Zahl sein, nicht „%(value)s“.")
                             % {"name": name, "value": value}) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ParameterError(_("%(name)s muss zwischen %(low)g und %(high)g liegen (war %(value)s).")
                             % {"name": name, "low": low, "high": high, "value": value})
    return number


def _weights(mapping, name):
    if not isinstance(mapping, dict):
        raise ParameterError(_("%(name)s muss ein Objekt {Schlüssel: Gewicht} sein.") % {"name": name})
    return {str(key): _number(value, name, 0.0, 1000.0) for key, value in sorted(mapping.items())}
