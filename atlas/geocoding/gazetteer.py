"""The offline provider: the official address list plus named places from the imported data.

The address list has no coordinates, so a point comes from, in this order:
  1. a facility at the same street and house number → precision "address";
  2. interpolation by house number between facility points on the same street, clipped into the
     address's planning area → precision "street" (an estimate along the street, said honestly);
  3. the representative point (point_on_surface) of the address's planning area → "planning_area".
The planning area and Ortsteil always come from the address list itself, never from the estimate.
"""

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from atlas.geocoding import snapshot
from atlas.geocoding.areas import area_index
from atlas.geocoding.interpolate import interpolate
from atlas.geocoding.models import GazetteerAddress
from atlas.geocoding.normalize import fold
from atlas.geocoding.places import place_index
from atlas.geocoding.result import GeocodeResult, LocationPrecision

# Street names closer than this (difflib ratio of the folded keys) count as typos of each other.
FUZZY_CUTOFF = 0.88
FUZZY_MIN_LENGTH = 6


@dataclass(frozen=True)
class Address:
    postcode: str
    ortsteil_key: str
    planning_area_key: str


@dataclass
class Street:
    name: str
    addresses: dict = field(default_factory=dict)  # (number, suffix) → Address
    by_number: dict = field(default_factory=lambda: defaultdict(list))  # number → [(suffix, Address)]

    def find(self, number, suffix):
        """The address with that number and suffix; without the suffix when only that exists."""
        if (number, suffix) in self.addresses:
            return self.addresses[(number, suffix)]
        same_number = sorted(self.by_number.get(number, ()), key=lambda item: item[0])
        return same_number[0][1] if same_number else None

    def main_area(self):
        """(planning area key, Ortsteil key, postcode) where most of the street's addresses lie."""
        counts = Counter(a.planning_area_key for a in self.addresses.values())
        planning_area_key = counts.most_common(1)[0][0]
        inside = [a for a in self.addresses.values() if a.planning_area_key == planning_area_key]
        ortsteil_key = Counter(a.ortsteil_key for a in inside).most_common(1)[0][0]
        postcode = Counter(a.postcode for a in inside).most_common(1)[0][0]
        return planning_area_key, ortsteil_key, postcode


class Gazetteer:
    def __init__(self, rows):
        self.streets = {}
        for street, key, number, suffix, postcode, ortsteil_key, planning_area_key in rows:
            entry = self.streets.setdefault(key, Street(street))
            address = Address(postcode, ortsteil_key, planning_area_key)
            entry.addresses[(number, suffix)] = address
            entry.by_number[number].append((suffix, address))
        self.keys = sorted(self.streets)

    def street(self, key):
        """The street for a folded key, tolerating small typos ("Carl-Schutz-Str")."""
        if key in self.streets:
            return self.streets[key]
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        close = difflib.get_close_matches(key, self.keys, n=1, cutoff=FUZZY_CUTOFF)
        return self.streets[close[0]] if close else None


def _build_gazetteer():
    return Gazetteer(GazetteerAddress.objects.values_list(
        "street", "street_key", "number", "suffix", "postcode", "ortsteil_key", "planning_area_key"
    ).iterator(chunk_size=5000))


def gazetteer():
    return snapshot.get("gazetteer", [GazetteerAddress.objects.all()], _build_gazetteer)


class GazetteerProvider:
    """Offline; needs `import_geodata` and `import_gazetteer`. Results are not cached (they are as
    cheap as the cache and would go stale when the data is re-imported)."""

    name = "gazetteer"
    cacheable = False
    # The official address list decides which planning area an address lies in: other providers' points
    # are checked against official_planning_areas() (atlas.geocoding.service).
    checks_others = True

    def geocode(self, query):
        areas = area_index()
        if query.has_address:
            result = self._address(query, areas)
            if result:
                return result
        if query.name_key:
            for method in (self._ortsteil, self._named_place, self._street, self._planning_area):
                result = method(query, areas)
                if result:
                    return result
        return GeocodeResult.not_found(self.name)

    def official_planning_areas(self, query):
        """The planning areas the official address list gives for what the query names, as the other
        providers' answers are checked against them (atlas.geocoding.service): an address's own; for a
        street without (a known) house number, those of all its addresses; for an Ortsteil, its planning
        areas; for a planning area, itself. None when the list does not know the query or names a place."""
        if query.has_address:
            street = gazetteer().street(query.street_key)
            if street is not None:
                address = street.find(query.number, query.suffix)
                if address is not None:
                    return frozenset({address.planning_area_key})
                return frozenset(a.planning_area_key for a in street.addresses.values())
        if not query.name_key:
            return None
        areas = area_index()
        ortsteil = areas.ortsteil_by_name.get(query.name_key)
        if ortsteil is not None:
            return frozenset(key for key, area in areas.planning_areas.items() if area.ortsteil_key == ortsteil.key)
        if place_index().named(query.name_key):
            return None
        street = gazetteer().streets.get(query.name_key)
        if street is not None:
            return frozenset(a.planning_area_key for a in street.addresses.values())
        planning_area = areas.planning_area_by_name.get(query.name_key)
        return frozenset({planning_area.key}) if planning_area else None

    def _result(self, areas, lon, lat, precision, label, planning_area_key="", ortsteil_key=""):
        planning_area = areas.planning_areas.get(planning_area_key)
        ortsteil = areas.ortsteile.get(ortsteil_key)
        return GeocodeResult(
            lon=round(lon, 6), lat=round(lat, 6), precision=precision, label=label, provider=self.name,
            planning_area_key=planning_area.key if planning_area else "",
            planning_area_name=planning_area.name if planning_area else "",
            ortsteil_key=ortsteil.key if ortsteil else "", ortsteil_name=ortsteil.name if ortsteil else "",
        )

    def _address(self, query, areas):
        street = gazetteer().street(query.street_key)
        if street is None:
            return None
        address = street.find(query.number, query.suffix)
        if address is None:
            return self._street(query, areas, street=street)
        planning_area = areas.planning_areas.get(address.planning_area_key)
        if planning_area is None:
            return None  # gazetteer and geodata out of step: better no answer than a wrong one
        label = f"{street.name} {query.number}{query.suffix}, {address.postcode} Berlin"
        key = fold(street.name)
        places = place_index()
        known = places.at_address(key, query.number, query.suffix)
        if known:
            lon, lat, precision = known.lon, known.lat, LocationPrecision.ADDRESS
        else:
            estimate = interpolate(query.number, places.on_street(key))
            if estimate:
                lon, lat = areas.clip(*estimate, planning_area.key)
                precision = LocationPrecision.STREET
            else:
                (lon, lat), precision = planning_area.point, LocationPrecision.PLANNING_AREA
        return self._result(areas, lon, lat, precision, label, planning_area.key, address.ortsteil_key)

    def _street(self, query, areas, street=None):
        """A known street without (a known) house number: the point of the planning area where most
        of its addresses lie – precision "planning_area", since that is all the point says."""
        street = street or gazetteer().streets.get(query.name_key)
        if street is None:
            return None
        planning_area_key, ortsteil_key, postcode = street.main_area()
        planning_area = areas.planning_areas.get(planning_area_key)
        if planning_area is None:
            return None
        lon, lat = planning_area.point
        return self._result(areas, lon, lat, LocationPrecision.PLANNING_AREA, f"{street.name}, {postcode} Berlin",
                            planning_area_key, ortsteil_key)

    def _ortsteil(self, query, areas):
        ortsteil = areas.ortsteil_by_name.get(query.name_key)
        if ortsteil is None:
            return None
        return self._result(areas, *ortsteil.point, LocationPrecision.ORTSTEIL, ortsteil.name, "", ortsteil.key)

    def _named_place(self, query, areas):
        place = place_index().named(query.name_key)
        if place is None:
            return None
        return self._result(areas, place.lon, place.lat, LocationPrecision.EXACT, place.name, place.planning_area_key,
                            place.ortsteil_key)

    def _planning_area(self, query, areas):
        planning_area = areas.planning_area_by_name.get(query.name_key)
        if planning_area is None:
            return None
        return self._result(areas, *planning_area.point, LocationPrecision.PLANNING_AREA, planning_area.name,
                            planning_area.key, planning_area.ortsteil_key)
