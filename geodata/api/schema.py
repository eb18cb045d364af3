"""OpenAPI descriptions of the public-transport stops (the bodies are assembled by orjson): the
layer, the nearest stops, and the near stop that the directory's detail answers embed."""

from drf_spectacular.utils import OpenApiParameter

from common.api.schema import BOOLEAN, INTEGER, STRING, feature_collection
from geodata.models import TransitMode
from geodata.transit import MAX_LIMIT, RAPID_TRANSIT_FIRST_M

MODES = {"type": "array", "items": {"type": "string", "enum": list(TransitMode.values)},
         "description": "Means of transport read from the VBB station name (S+U, S, U prefixes; Bhf/Bahnhof "
                        "for regional trains); bus where the name marks no rail. Rail first."}
TRANSIT_STOP = {"id": INTEGER, "name": STRING, "modes": MODES,
                "rapid_transit": {**BOOLEAN, "description": "An S-Bahn or U-Bahn station."}}
DISTANCE = {"type": "integer", "minimum": 10,
            "description": "Straight-line metres (planar, EPSG:25833), rounded to 10 m, at least 10: a walk is longer."}
NEAR_STOP = {"type": "object", "properties": {**TRANSIT_STOP, "distance_m": DISTANCE},
             "required": ["id", "name", "modes", "rapid_transit", "distance_m"]}
NEAR_STOPS = {
    "type": "array", "items": NEAR_STOP,
    "description": f"The nearest stops: S-Bahn and U-Bahn stations within {RAPID_TRANSIT_FIRST_M} m first (at "
                   "most two, leaving a place for the nearest other stop), then the nearest stops of any kind; "
                   "stops sharing a name count once.",
}
TRANSIT_STOPS = feature_collection({**TRANSIT_STOP, "distance_m": {**DISTANCE, "description": "Only with near. "
                                                                   + DISTANCE["description"]}}, INTEGER)

# Longitude and latitude as decimals, comma-separated (blanks around them allowed).
_NUMBER = r"[ \t\n\v\f\r]*[-+]?[0-9]+(\.[0-9]+)?[ \t\n\v\f\r]*"
NEAR_PARAMETER = OpenApiParameter(
    "near", {"type": "string", "pattern": f"^{_NUMBER},{_NUMBER}$"}, OpenApiParameter.QUERY,
    description="lon,lat in WGS84: the nearest stops by the rule of nearest_stops instead of the layer, with "
                "distance_m. Not together with bbox.",
)
LIMIT_PARAMETER = OpenApiParameter(
    "limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}, OpenApiParameter.QUERY,
    description=f"With near: how many stops (1–{MAX_LIMIT}, default 3). Without near: 400.",
)
