"""Facilities in memory: named places (exact points) and known points at street addresses."""

import math
from collections import defaultdict
from dataclasses import dataclass

from atlas.geocoding import snapshot
from atlas.geocoding.normalize import fold, parse_street_line
from geodata.models import Facility

# Facilities sharing a name within this distance (e.g. the two stops of a bus station) are one place;
# farther apart (e.g. "Spielplatz") the name is ambiguous and not used.
SAME_PLACE_METRES = 250.0


@dataclass(frozen=True)
class Place:
    name: str
    lon: float
    lat: float
    planning_area_key: str
    ortsteil_key: str
    street: str = ""
    postcode: str = ""


@dataclass(frozen=True)
class KnownPoint:
    number: int
    suffix: str
    lon: float
    lat: float
    name: str


def distance_m(a, b):
    """Approximate distance in metres between two (lon, lat) pairs (equirectangular, fine at city scale)."""
    x = math.radians(b[0] - a[0]) * math.cos(math.radians((a[1] + b[1]) / 2))
    y = math.radians(b[1] - a[1])
    return 6_371_000 * math.hypot(x, y)


class PlaceIndex:
    def __init__(self, places):
        by_name = defaultdict(list)
        self.by_street = defaultdict(list)
        for place in places:
            by_name[fold(place.name)].append(place)
            if place.street:
                key, number, suffix = parse_street_line(place.street)
                if number is not None:
                    self.by_street[key].append(KnownPoint(number, suffix, place.lon, place.lat, place.name))
        self.by_name = {}
        for key, group in by_name.items():
            first = group[0]
            if key and all(distance_m((first.lon, first.lat), (p.lon, p.lat)) <= SAME_PLACE_METRES for p in group):
                self.by_name[key] = first

    def named(self, name_key):
        return self.by_name.get(name_key)

    def at_address(self, street_key, number, suffix=""):
        """A facility point at that street and house number (same suffix preferred), or None."""
        points = [p for p in self.by_street.get(street_key, ()) if p.number == number]
        same = [p for p in points if p.suffix == suffix]
        return (same or points or [None])[0]

    def on_street(self, street_key):
        return self.by_street.get(street_key, [])


def _build():
    rows = Facility.objects.values_list("name", "street", "postcode", "geom", "planning_area__key", "ortsteil__key")
    return PlaceIndex([
        Place(name=name, lon=geom.x, lat=geom.y, planning_area_key=plr, ortsteil_key=ortsteil, street=street or "",
              postcode=postcode or "")
        for name, street, postcode, geom, plr, ortsteil in rows
    ])


def place_index():
    return snapshot.get("places", [Facility.objects.all()], _build)
