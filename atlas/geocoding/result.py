"""The result object every provider and the service return."""

from dataclasses import asdict, dataclass, replace

from django.contrib.gis.geos import Point
from django.db import models
from django.utils.translation import gettext_lazy as _


class LocationPrecision(models.TextChoices):
    """How well a point locates an address, best first: the geocoder's answers, and MANUAL for a point
    a person set on the map (stored with every located entry, atlas.directory.models.Located)."""

    EXACT = "exact", _("genau")
    ADDRESS = "address", _("Adresse")
    STREET = "street", _("Straße")
    PLANNING_AREA = "planning_area", _("Planungsraum")
    ORTSTEIL = "ortsteil", _("Ortsteil")
    MANUAL = "manual", _("von Hand gesetzt")


# What the geocoder itself can answer (never MANUAL).
GEOCODED_PRECISIONS = [(value, label) for value, label in LocationPrecision.choices
                       if value != LocationPrecision.MANUAL]

# Best first: a lower rank is a more precise point. A point set by hand beats every geocoder's.
PRECISION_RANK = {LocationPrecision.MANUAL: 0, LocationPrecision.EXACT: 1, LocationPrecision.ADDRESS: 2,
                  LocationPrecision.STREET: 3, LocationPrecision.PLANNING_AREA: 4, LocationPrecision.ORTSTEIL: 5}
# A point at least this precise stands for the address itself; anything below is an estimate or an area's point.
PRECISE_PRECISIONS = frozenset({LocationPrecision.MANUAL, LocationPrecision.EXACT, LocationPrecision.ADDRESS})


def precision_rank(precision):
    """The rank of a precision value (unknown or empty: below every known one)."""
    return PRECISION_RANK.get(precision, len(PRECISION_RANK))


def is_precise(precision):
    """Whether a point of this precision locates the address itself (exact, address, set by hand)."""
    return precision in PRECISE_PRECISIONS


class Status(models.TextChoices):
    FOUND = "found", _("gefunden")
    NOT_FOUND = "not_found", _("nicht gefunden")
    # Every provider that could have answered failed (timeout, connection error, HTTP 5xx).
    UNAVAILABLE = "unavailable", _("Dienst nicht erreichbar")


@dataclass(frozen=True)
class GeocodeResult:
    """A geocoding answer. Falsy unless a location was found, so `if result:` is the usual test.

    `lon`/`lat` are WGS84; `planning_area_*`/`ortsteil_*` are LOR-2021 planning area and Ortsteil
    (key and name); `label` is the normalised address or place name; `provider` names the provider
    that answered ("gazetteer", "nominatim", …); `cached` is True when it came from GeocodeCache.
    """

    status: str = Status.FOUND
    lon: float | None = None
    lat: float | None = None
    precision: str = ""
    planning_area_key: str = ""
    planning_area_name: str = ""
    ortsteil_key: str = ""
    ortsteil_name: str = ""
    label: str = ""
    provider: str = ""
    cached: bool = False

    def __bool__(self):
        return self.status == Status.FOUND

    @property
    def found(self):
        return self.status == Status.FOUND

    @property
    def unavailable(self):
        return self.status == Status.UNAVAILABLE

    @property
    def point(self):
        """A GEOS Point in EPSG:4326, or None."""
        if self.lon is None or self.lat is None:
            return None
        return Point(self.lon, self.lat, srid=4326)

    def as_dict(self):
        data = asdict(self)
        data.pop("cached")
        return data

    @classmethod
    def from_dict(cls, data, **changes):
        fields = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        return replace(cls(**fields), **changes)

    @classmethod
    def not_found(cls, provider=""):
        return cls(status=Status.NOT_FOUND, provider=provider)

    @classmethod
    def unavailable_result(cls, provider=""):
        return cls(status=Status.UNAVAILABLE, provider=provider)
