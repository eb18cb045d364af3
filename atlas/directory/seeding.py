"""Meeting places seeded from the real facility layers (official and OpenStreetMap).

Only kinds of facility where people can meet become meeting places. Each keeps a link to its
facility and source, so a re-run updates it and never duplicates it; fields a coordinator has
edited since are left alone (only name, address and point follow the source).
"""

from django.db import transaction
from django.utils.text import slugify

from atlas.directory.models import LocationPrecision, MeetingPlace, MeetingPlaceType, PublicationStatus
from geodata.models import Facility

# facility type key (geodata) → meeting place type key (atlas)
SEEDED_TYPES = {
    "community_centre": "community-centre",
    "library": "library",
    "place_of_worship": "place-of-worship",
    "youth_centre": "youth-centre",
}


@transaction.atomic
def seed_meeting_places():
    """Creates or refreshes meeting places from facilities; returns (created, updated, unchanged)."""
    place_types = {t.key: t for t in MeetingPlaceType.objects.filter(key__in=SEEDED_TYPES.values())}
    existing = {p.facility_id: p for p in MeetingPlace.objects.filter(facility__isnull=False)}
    created = updated = unchanged = 0
    facilities = Facility.objects.filter(facility_type__key__in=SEEDED_TYPES).select_related("facility_type")
    for facility in facilities:
        values = {
            "name": facility.name,
            "street": facility.street,
            "postcode": facility.postcode,
            "location": facility.geom,
        }
        place = existing.get(facility.pk)
        if place is None:
            place = MeetingPlace(
                facility=facility,
                source_id=facility.source_id,
                place_type=place_types[SEEDED_TYPES[facility.facility_type.key]],
                slug=f"{slugify(facility.name)[:100]}-{facility.pk}",
                website=facility.website,
                operator_name=facility.operator,
                status=PublicationStatus.PUBLISHED,
                location_precision=LocationPrecision.EXACT,
                **values,
            )
            place.save()
            created += 1
            continue
        if place.location_set_manually:
            values.pop("location")
        changed = {k: v for k, v in values.items() if _differs(getattr(place, k), v)}
        if changed:
            for key, value in changed.items():
                setattr(place, key, value)
            place.save()
            updated += 1
        else:
            unchanged += 1
    return created, updated, unchanged


def _differs(current, new):
    if hasattr(current, "equals_exact") and new is not None:
        return not current.equals_exact(new, tolerance=1e-9)
    return current != new
