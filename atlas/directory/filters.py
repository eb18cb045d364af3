"""The query parameters of the public directory (API, map list, server-rendered pages), validated.

``parse_filters(model, request.GET)`` → DirectoryFilters; invalid values raise
``rest_framework.exceptions.ParseError`` with a message for the user (the API answers 400 with it).
The pages read FILTERS leniently (common.api.params).
Accepted: ``q``, ``category``, ``language``, ``target_group`` (organisations only), ``ortsteil``,
``type`` and ``bookable`` (meeting places only), ``open_now`` and ``wheelchair`` (both kinds; ``true``
narrows, ``false`` or absent does not), ``bbox``, ``near`` + ``radius``, ``id`` (the entries with these ids
only: a marker's popup asks for its entry so), ``page``, ``page_size``.
"""

from dataclasses import dataclass

from django.contrib.gis.geos import Point
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ParseError

from atlas.directory.models import Category, Language, MeetingPlace, MeetingPlaceType, Organisation, TargetGroup
from common.api.params import Parameters, bbox, boolean, integer, number, point, search, vocabulary
from geodata.models import Ortsteil

MAX_RADIUS_M = 20_000
DEFAULT_PAGE_SIZE = 200
MAX_PAGE_SIZE = 5000
MAX_PAGE = 10**6
MAX_IDS = 100


@dataclass
class DirectoryFilters:
    q: str = ""
    categories: list | None = None
    languages: list | None = None
    target_groups: list | None = None
    ortsteile: list | None = None
    types: list | None = None
    bookable: bool | None = None
    open_now: bool = False  # only entries open now in Berlin (atlas.directory.opening_hours)
    wheelchair: bool = False  # only entries marked wheelchair accessible (WheelchairAccess.YES)
    bbox: object = None  # Polygon, WGS84
    near: Point | None = None  # WGS84
    radius: float | None = None  # metres
    ids: list | None = None
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    def facts_key(self):
        """What the filters select regardless of place, bbox and page: the key under which
        atlas.directory.cache keeps the facts of this selection that do not depend on the point.
        (A selection with ``open_now`` changes by the minute: atlas.directory.queries keeps none of it.)"""
        return (self.q, *(tuple(sorted(values or ())) for values in (
            self.categories, self.languages, self.target_groups, self.ortsteile, self.types)), self.bookable,
            self.open_now, self.wheelchair)


# The filters, by parameter name; the pages read them too (atlas.directory.views).
FILTERS = {
    "q": search, "category": vocabulary(Category), "language": vocabulary(Language, "code"),
    "target_group": vocabulary(TargetGroup), "type": vocabulary(MeetingPlaceType), "bookable": boolean,
    "ortsteil": vocabulary(Ortsteil), "open_now": boolean, "wheelchair": boolean,
}


def _radius(value, name):
    radius = number(value, name)
    if not 1 <= radius <= MAX_RADIUS_M:
        raise ParseError(_("radius muss zwischen 1 und %(max)d Metern liegen.") % {"max": MAX_RADIUS_M})
    return radius


_entry_id = integer(1, 2**63 - 1)


def _ids(value, name):
    """Entry ids, comma-separated, at most MAX_IDS → sorted list without repetitions."""
    found = {_entry_id(part, name) for part in value.split(",") if part.strip()}
    if len(found) > MAX_IDS:
        raise ParseError(_("%(parameter)s nimmt höchstens %(max)d Werte.") % {"parameter": name, "max": MAX_IDS})
    return sorted(found) or None


PLACE_AND_PAGE = {"bbox": bbox, "near": point, "radius": _radius, "id": _ids,
                  "page": integer(1, MAX_PAGE), "page_size": integer(1, MAX_PAGE_SIZE)}


def _parameters(filters):
    return Parameters({**{name: FILTERS[name] for name in filters}, **PLACE_AND_PAGE},
                      requires={"radius": ("near", gettext_lazy("radius ist nur zusammen mit near=lon,lat möglich."))})


PARAMETERS = {
    Organisation: _parameters(("q", "category", "language", "target_group", "ortsteil", "open_now", "wheelchair")),
    MeetingPlace: _parameters(("q", "type", "bookable", "ortsteil", "open_now", "wheelchair")),
}


def parse_filters(model, params):
    """Validates raw query parameters for ``model`` (Organisation or MeetingPlace)."""
    values = PARAMETERS[model].parse(params)
    return DirectoryFilters(
        q=values["q"] or "", categories=values.get("category"), languages=values.get("language"),
        target_groups=values.get("target_group"), types=values.get("type"), bookable=values.get("bookable"),
        open_now=bool(values.get("open_now")), wheelchair=bool(values.get("wheelchair")),
        ortsteile=values["ortsteil"], bbox=values["bbox"], near=values["near"], radius=values["radius"],
        ids=values["id"], page=values["page"] or 1, page_size=values["page_size"] or DEFAULT_PAGE_SIZE,
    )
