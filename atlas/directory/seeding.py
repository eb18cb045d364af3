"""Meeting places seeded from the real facility layers (official and OpenStreetMap): one entry per real place.

Only kinds of facility where people can meet become meeting places. The records of the layers are grouped
into sites (atlas/directory/sites.py: the same youth centre from two layers, or a centre and the programmes
held in it, is one place); each site becomes one entry that keeps every record it stands for
(``MeetingPlace.facilities``), so every source stays named. The main record of the site gives name, address,
point and source.

A re-run is idempotent: an entry is found again through its records, never duplicated. Only name, address,
point (unless set by hand) and main source follow the sources; what a coordinator edited stays. Entries that
turn out to be one site (an older import, or new records) are merged (atlas/directory/merging.py), unless
both carry different edits of the same field: then both stay and the report names them.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from atlas.directory.merging import merge_into
from atlas.directory.models import (
    LocationPrecision,
    MeetingPlace,
    MeetingPlaceFacility,
    MeetingPlaceType,
    PublicationStatus,
)
from atlas.directory.sites import area_words, group_sites, record
from geodata.models import Bezirk, Facility, Ortsteil, PlanningArea

# facility type key (geodata) → meeting place type key (atlas)
SEEDED_TYPES = {
    "community_centre": "community-centre",
    "library": "library",
    "place_of_worship": "place-of-worship",
    "youth_centre": "youth-centre",
}


@dataclass
class SeedReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    records: int = 0  # facility records of the seeded kinds
    sites: int = 0  # real places they stand for
    merged_entries: int = 0  # existing entries folded into another of the same site
    conflicts: list = field(default_factory=list)  # merging.Conflict: same site, both edited differently

    @property
    def duplicates(self):
        """Records beyond the first of their site: the duplicates merged into one entry each."""
        return self.records - self.sites


def seeded_records():
    """({pk: Facility} of the seeded kinds, [sites.Record]); the names of the district, its Ortsteile and
    planning areas are not distinctive in a name."""
    facilities = {f.pk: f for f in Facility.objects.filter(facility_type__key__in=SEEDED_TYPES)
                  .select_related("facility_type", "source")}
    generic = area_words([*Bezirk.objects.values_list("name", flat=True),
                          *Ortsteil.objects.values_list("name", flat=True),
                          *PlanningArea.objects.values_list("name", flat=True)])
    return facilities, [record(facility, generic) for facility in facilities.values()]


def _keeper_order(main_pk, links_of):
    """Which of several entries of a site is kept: a published one, then the one of the main record, then
    the oldest."""
    def key(place):
        return (place.status != PublicationStatus.PUBLISHED, main_pk not in links_of.get(place.pk, ()), place.pk)
    return key


@transaction.atomic
def seed_meeting_places():
    """Creates, refreshes and merges the seeded meeting places; returns a SeedReport."""
    report = SeedReport()
    place_types = {t.key: t for t in MeetingPlaceType.objects.filter(key__in=SEEDED_TYPES.values())}
    type_ids = {facility_key: place_types[key].pk for facility_key, key in SEEDED_TYPES.items()}
    facilities, records = seeded_records()
    sites = group_sites(records)
    report.records, report.sites = len(facilities), len(sites)

    links = Links(MeetingPlaceFacility.objects.filter(facility__in=facilities).values_list("facility_id",
                                                                                         "meeting_place_id"))
    places = MeetingPlace.objects.in_bulk(set(links.place_of.values()))
    site_of = {r.pk: index for index, site in enumerate(sites) for r in site}
    used = set()
    for index, site in enumerate(sites):
        main = facilities[site[0].pk]
        candidates = sorted({places[links.place_of[r.pk]] for r in site
                             if r.pk in links.place_of and links.place_of[r.pk] not in used},
                            key=_keeper_order(main.pk, links.records_of))
        if not candidates:
            kept = _create(main, place_types)
            report.created += 1
        else:
            kept = candidates[0]
        used.add(kept.pk)
        changed = False
        apart = set()
        for other in candidates[1:]:
            if any(site_of.get(pk) != index for pk in links.records_of[other.pk]):
                continue  # it stands for records of another site too: only this site's records move
            conflict = merge_into(kept, other, type_ids)
            if conflict:
                report.conflicts.append(conflict)
                apart.add(other.pk)
            else:
                report.merged_entries += 1
                links.moved_all(other.pk, kept.pk)
                changed = True
        for r in site:
            if links.place_of.get(r.pk) not in apart and links.place_of.get(r.pk) != kept.pk:
                MeetingPlaceFacility.objects.update_or_create(facility_id=r.pk, defaults={"meeting_place": kept})
                links.move(r.pk, kept.pk)
                changed = True
        if _refresh(kept, main) or changed:
            kept.refresh_search_text()  # with the names of all its records
            if candidates:
                report.updated += 1
        elif candidates:
            report.unchanged += 1
    return report


class Links:
    """Which entry each facility record belongs to, and the records of each entry, kept in step."""

    def __init__(self, pairs):
        self.place_of, self.records_of = {}, {}
        for facility_id, place_id in pairs:
            self.move(facility_id, place_id)

    def move(self, facility_id, place_id):
        previous = self.place_of.get(facility_id)
        if previous is not None:
            self.records_of[previous].discard(facility_id)
        self.place_of[facility_id] = place_id
        self.records_of.setdefault(place_id, set()).add(facility_id)

    def moved_all(self, from_place, to_place):
        for facility_id in list(self.records_of.pop(from_place, ())):
            self.place_of[facility_id] = to_place
            self.records_of.setdefault(to_place, set()).add(facility_id)


def _create(main, place_types):
    place = MeetingPlace(
        source_id=main.source_id,
        place_type=place_types[SEEDED_TYPES[main.facility_type.key]],
        slug=f"{slugify(main.name)[:100]}-{main.pk}",
        website=main.website,
        operator_name=main.operator,
        status=PublicationStatus.PUBLISHED,
        location_precision=LocationPrecision.EXACT,
        name=main.name, street=main.street, postcode=main.postcode, location=main.geom,
    )
    place.save()
    return place


def _refresh(place, main):
    """Name, address, point (unless set by hand) and source follow the main record; True if any changed."""
    values = {"name": main.name, "street": main.street, "postcode": main.postcode, "source_id": main.source_id}
    if not place.location_set_manually:
        values["location"] = main.geom
    changed = {k: v for k, v in values.items() if _differs(getattr(place, k), v)}
    for key, value in changed.items():
        setattr(place, key, value)
    if changed:
        place.save()
    return bool(changed)


def _differs(current, new):
    if hasattr(current, "equals_exact") and new is not None:
        return not current.equals_exact(new, tolerance=1e-9)
    return current != new
