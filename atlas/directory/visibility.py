"""What of a directory entry the public may see: contact data and the exact address only with
consent (GDPR), the rest of the entry always. Used by the detail pages, their JSON-LD and the
server-rendered list."""

from atlas.directory.models import LocationPrecision, MeetingPlace, Organisation
from atlas.directory.queries import DirectoryFilters, filter_entries, public_points


def is_organisation(entry):
    return isinstance(entry, Organisation)


def address_is_public(entry):
    """Meeting places are public places; an individual actor's address needs consent."""
    return entry.shows_exact_location if is_organisation(entry) else True


def contact_is_public(entry):
    return entry.consent_publish_contact if is_organisation(entry) else True


def public_contact(entry):
    """Website, e-mail and phone, each only when public and present."""
    if not contact_is_public(entry):
        return {}
    return {key: value for key in ("website", "email", "phone") if (value := getattr(entry, key, ""))}


def public_address(entry):
    if not address_is_public(entry):
        return None
    return {"street": entry.street, "postcode": entry.postcode} if (entry.street or entry.postcode) else None


# Points placed only somewhere in an area: stops near them would be near the wrong place.
AREA_PRECISIONS = frozenset({LocationPrecision.PLANNING_AREA.value, LocationPrecision.ORTSTEIL.value})


def gives_nearest_stops(location_public, precision):
    """Whether a result names its nearest stops: only for a public point at address or street precision."""
    return location_public and precision not in AREA_PRECISIONS


def public_point(entry):
    """The WGS84 point the public may see, or None."""
    return entry.location if address_is_public(entry) and entry.location is not None else None


def reference_point(entry):
    """Where "nearby" is measured from: the public point (for hidden addresses the planning area's)."""
    if address_is_public(entry):
        return entry.location
    point = public_points([entry.planning_area_id]).get(entry.planning_area_id)
    return point.wgs84() if point else None


def nearby_entries(entry, limit=5):
    """The nearest published organisations and meeting places (not `entry` itself), with distances.

    The same query as the API (atlas.directory.queries): entries of individuals without address
    consent count at their planning area's public point.
    """
    origin = reference_point(entry)
    if origin is None:
        return []
    params = DirectoryFilters(near=origin, page_size=limit + 1)
    rows = []
    for model, kind in ((Organisation, "organisation"), (MeetingPlace, "meeting_place")):
        for other in filter_entries(model.objects.all(), params).entries(limit=limit + 1):
            if isinstance(other, type(entry)) and other.pk == entry.pk:
                continue
            rows.append({"entry": other, "kind": kind, "distance_m": other.distance_m,
                         "walking_minutes": other.walking_minutes})
    rows.sort(key=lambda row: (row["distance_m"], row["entry"].name))
    return rows[:limit]
