"""Which records of the facility layers are one real place (a site), for seeding meeting places.

The same youth centre comes from the official layer and from OpenStreetMap, and the official layer lists
the programmes of one centre ("Wochenendöffnung …") as records of their own. Two records are the same site

* at the same address (street, house number and suffix, normalised as the geocoder does: "Jugendweg 15"
  and "Jugendweg 15-16" are one address, "Obstallee 22D" and "22E" are not), their points at most
  ``ADDRESS_RADIUS_M`` apart, when they are of the same kind *or* their names share a distinctive word; or
* at most ``SITE_RADIUS_M`` apart, whatever their addresses say (OpenStreetMap often has none), when their
  names share a distinctive word.

A distinctive word has at least four letters and is neither a word for a kind of place ("Jugendzentrum",
"Stadtteilbibliothek", …) nor part of the name of a district, Ortsteil or planning area ("Spandau",
"Siemensstadt", …). Sites are the connected groups of this relation.

Why not distance alone: 50 m around each point joins 73 records into 54 groups, but among them a church and
a Buddhist centre across a street (50 m), four institutions with their own entrances at Obstallee 22D–G and
two different centres at Wattstraße 13 and 14. Why not the address alone: at Carl-Schurz-Straße 13 the
central library and a youth project share the building, at Niederneuendorfer Allee 30 a neighbourhood
centre and a youth centre; a resident looks for them under different kinds, so they stay two places.
On the real data: 73 records, 62 sites (docs/data.md, "Meeting places").
"""

import math
from dataclasses import dataclass

from atlas.geocoding.normalize import parse_street_line
from common.text import fold_words

SITE_RADIUS_M = 50
ADDRESS_RADIUS_M = 100
MIN_WORD_LENGTH = 4
# Words for a kind of place or an institution (folded, common.text.fold_words): two names sharing only
# such a word may well be two places.
GENERIC_WORDS = frozenset("""
    berlin spandau bezirk ortsteil kiez jfe jugendfreizeiteinrichtung jugendfreizeitstatte jugendzentrum
    jugendtreff jugendclub jugendcafe jugendhaus kinder jugend jugendliche familie familienzentrum
    stadtteilzentrum stadtteiltreff nachbarschaftszentrum nachbarschaftshaus nachbarschafts stadtteilarbeit
    bibliothek stadtteilbibliothek bezirkszentralbibliothek stadtbibliothek kirche kirchengemeinde gemeinde
    evangelische evangelisch katholische katholisch freikirchliche moschee camii cami zentrum haus treff
    treffpunkt verein schule wochenendoffnung wochenendangebote offnung angebote projekt forum
""".split())


@dataclass(frozen=True)
class Record:
    """A facility record as the rule sees it."""

    pk: int
    name: str
    kind: str  # facility type key
    x: float  # EPSG:25833 metres
    y: float
    address: tuple | None  # (street key, house number, suffix), None without a house number
    words: frozenset  # distinctive words of the name
    capacity: int
    has_street: bool
    order_key: tuple  # stable across databases: (source key, key in the source)

    def distance(self, other):
        return math.hypot(self.x - other.x, self.y - other.y)


def address_key(street):
    street_key, number, suffix = parse_street_line(street or "")
    return (street_key, number, suffix) if street_key and number is not None else None


def area_words(names):
    """The folded words of place names (districts, Ortsteile, planning areas): not distinctive."""
    return frozenset(word for name in names for word in fold_words(name).split())


def distinctive_words(name, generic):
    return frozenset(word for word in fold_words(name).split()
                     if len(word) >= MIN_WORD_LENGTH and word not in GENERIC_WORDS and word not in generic)


def record(facility, generic=frozenset()):
    point = facility.geom_metric
    return Record(
        pk=facility.pk, name=facility.name, kind=facility.facility_type.key, x=point.x, y=point.y,
        address=address_key(facility.street), words=distinctive_words(facility.name, generic),
        capacity=facility.capacity or 0, has_street=bool(facility.street),
        order_key=(facility.source.key, facility.source_key),
    )


def same_site(a, b):
    distance = a.distance(b)
    similar_names = bool(a.words & b.words)
    if a.address is not None and a.address == b.address and distance <= ADDRESS_RADIUS_M:
        if a.kind == b.kind or similar_names:
            return True
    return distance <= SITE_RADIUS_M and similar_names


def main_first(records):
    """The records of a site, the one that names the place first: the most places (capacity, given by the
    official layer for a centre, 0 for a programme held there), then one with an address, then a stable
    order."""
    return sorted(records, key=lambda r: (-r.capacity, not r.has_street, r.order_key))


def group_sites(records):
    """Lists of records, one per site, each with its main record first; sites in the order of their main
    records (stable across databases)."""
    records = sorted(records, key=lambda r: r.order_key)
    parent = list(range(len(records)))

    def root(index):
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, first in enumerate(records):
        for j in range(i + 1, len(records)):
            if same_site(first, records[j]):
                parent[root(j)] = root(i)
    groups = {}
    for index, item in enumerate(records):
        groups.setdefault(root(index), []).append(item)
    return sorted((main_first(group) for group in groups.values()), key=lambda site: site[0].order_key)
