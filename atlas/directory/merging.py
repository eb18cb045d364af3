"""Folding a seeded meeting place into another that is the same site, without losing what people edited.

Seeding keeps name, address and point in step with the sources; everything else on an entry may have been
written by a coordinator. When two entries turn out to be one site (atlas/directory/sites.py), the kept one
takes over from the other

* every field the kept one leaves empty (descriptions, contact, opening hours, accessibility, operator, a
  point set by hand, …) and a seeded field (website, operator, kind of place) someone changed on the other;
* its rooms, events and proposals (every relation pointing at it), and its facility records.

When both carry different edits of the same field, nothing is merged: the two entries stay, and the seeding
command names them so that a coordinator decides (``Conflict``).
"""

from dataclasses import dataclass

from atlas.directory.models import MeetingPlace, MeetingPlaceFacility, WheelchairAccess

# Fields people edit, taken over when the kept entry has none.
CONTENT_FIELDS = ("short_description", "description", "email", "phone", "opening_hours", "opening_hours_note",
                  "wheelchair_access", "accessibility_note", "translations", "operator", "bookable", "cost")
# Fields seeding fills from a facility record once; a value that is none of its records' is an edit.
SEEDED_FIELDS = {"website": "website", "operator_name": "operator", "place_type": None}


@dataclass
class Conflict:
    kept: MeetingPlace
    other: MeetingPlace
    fields: list


def _empty(field, value):
    if field == "wheelchair_access":
        return value == WheelchairAccess.UNKNOWN
    return value in (None, "", {}, [], False)


def _seeded_values(place, field, place_types):
    """What seeding would have written into ``field`` of ``place`` from its facility records."""
    facilities = list(place.facilities.select_related("facility_type"))
    if field == "place_type":
        return {place_types.get(f.facility_type.key) for f in facilities}
    return {getattr(f, SEEDED_FIELDS[field]) for f in facilities}


def _value(place, field):
    return getattr(place, f"{field}_id") if field in ("operator", "place_type") else getattr(place, field)


def _set(place, field, value):
    setattr(place, f"{field}_id" if field in ("operator", "place_type") else field, value)


def planned_changes(kept, other, place_types):
    """({field: value} the kept entry takes over, [fields edited differently on both]). ``place_types``
    maps facility type keys to MeetingPlaceType ids."""
    changes, conflicts = {}, []
    for field in CONTENT_FIELDS:
        mine, theirs = _value(kept, field), _value(other, field)
        if _empty(field, theirs) or mine == theirs:
            continue
        if _empty(field, mine):
            changes[field] = theirs
        else:
            conflicts.append(field)
    for field in SEEDED_FIELDS:
        mine, theirs = _value(kept, field), _value(other, field)
        if mine == theirs or _empty(field, theirs) or theirs in _seeded_values(other, field, place_types):
            continue
        if _empty(field, mine) or mine in _seeded_values(kept, field, place_types):
            changes[field] = theirs
        else:
            conflicts.append(field)
    if other.location_set_manually and (kept.location_set_manually is False or kept.location is None):
        changes.update(location=other.location, location_set_manually=True,
                       location_precision=other.location_precision)
    elif (other.location_set_manually and kept.location_set_manually
          and not kept.location.equals_exact(other.location, tolerance=1e-9)):
        conflicts.append("location")
    if other.last_verified and not kept.last_verified:
        changes["last_verified"] = other.last_verified
    return changes, conflicts


def merge_into(kept, other, place_types):
    """Folds ``other`` into ``kept`` and deletes it; returns None, or a Conflict (and changes nothing)."""
    changes, conflicts = planned_changes(kept, other, place_types)
    if conflicts:
        return Conflict(kept, other, conflicts)
    for field, value in changes.items():
        _set(kept, field, value)
    for relation in MeetingPlace._meta.related_objects:
        if relation.one_to_many and relation.related_model is not MeetingPlaceFacility:
            relation.related_model._base_manager.filter(**{relation.field.name: other}).update(
                **{relation.field.name: kept})
    MeetingPlaceFacility.objects.filter(meeting_place=other).update(meeting_place=kept)
    if changes:
        kept.save()
    other.delete()
    return None
