"""What a result in a list says besides its name: where it is (the address, or "area only"),
whether it is open now and today's hours, the languages spoken (native names), wheelchair access,
the distance and a link to walking directions.

For the server-rendered list (/verzeichnis/, ``directory/_result_summary.html``); the map's list and
popups build the same from the API's features in the browser (static/atlas/js/directory/result-summary.js).
Entries come from ``Selection.entries()`` (atlas.directory.queries), which sets ``public_point`` and
``distance_m`` and fetches the languages with the page.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from atlas.directory.models import Organisation, WheelchairAccess
from atlas.directory.opening_hours import has_hours, is_open_at, today_times
from atlas.directory.routes import APPROXIMATE_PRECISIONS, route_url
from atlas.directory.visibility import address_is_public, gives_nearest_stops


@dataclass
class ResultSummary:
    address: str = ""
    area_only: bool = False  # no public address, or a point that only names the area
    has_hours: bool = False
    open_now: bool = False
    today: list = field(default_factory=list)  # ["09:00–13:00", …]; empty: closed today
    hours_note: str = ""
    languages: list = field(default_factory=list)  # Language objects (native_name, code, rtl)
    wheelchair: str = WheelchairAccess.UNKNOWN
    distance_m: int | None = None
    walking_minutes: int | None = None
    route_url: str | None = None
    nearest_stops: list = field(default_factory=list)  # geodata.transit.NearStop, by its rule


def result_summary(entry, origin=None, moment=None, stop_index=None):
    """The ResultSummary of one entry; ``origin`` the WGS84 search point, if any; ``moment`` an aware
    datetime (default now) for "open now"; ``stop_index`` a geodata.transit.StopIndex for the nearest
    stops (none without it)."""
    public = address_is_public(entry)
    address = entry.address_line if public else ""
    point = getattr(entry, "public_point", entry.location) if public else None
    hours = entry.opening_hours
    moment = moment or timezone.now()
    return ResultSummary(
        address=address,
        area_only=not public or (not address and entry.location_precision in APPROXIMATE_PRECISIONS),
        has_hours=has_hours(hours),
        open_now=is_open_at(hours, moment),
        today=today_times(hours, moment),
        hours_note=entry.opening_hours_note,
        languages=list(entry.languages.all()) if isinstance(entry, Organisation) else [],
        wheelchair=entry.wheelchair_access,
        distance_m=getattr(entry, "distance_m", None),
        walking_minutes=getattr(entry, "walking_minutes", None),
        route_url=route_url(point, entry.location_precision, address, origin) if public else None,
        nearest_stops=stop_index.nearest(point) if stop_index and point and gives_nearest_stops(
            public, entry.location_precision) else [],
    )

