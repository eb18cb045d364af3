"""Query variants of every GET operation of the OpenAPI schema (/api/schema/?format=json).

For each operation: no parameters; each documented query parameter with a valid value (every value
of an enum); bbox and paging; malformed values (an unknown enum value, a bad bbox, a bad number).
Parameters without a known value are reported, never silently left out.
"""

import json
from urllib.parse import urlencode

BBOX = "13.15,52.50,13.25,57.00"
NEAR = "13.2036,52.5362"

# parameter name → (valid values, malformed values); each value is a query string fragment or a dict.
VALUES = {
    "bbox": (["13.15,52.50,13.25,52.57", "13.10,52.39,13.30,52.60"], ["13.25,52.57,13.15", "a,b,c,d",
                                                                      "13.25,52.57,13.15,52.50"]),
    "from": (["2026-10-01", "2026-11-20T12:00:00+01:00"], ["2026-13-45"]),
    "to": (["2026-12-31"], ["gestern"]),
    "language": (["tr", "tr,ar"], ["xx"]),
    "topic": (["fundraising", "fundraising,networking"], ["gibt-es-nicht"]),
    "ortsteil": (["0501", "0501,0507"], ["9999", "abc"]),
    "category": (["counselling", "counselling,culture"], ["gibt-es-nicht"]),
    "target_group": (["families"], ["gibt-es-nicht"]),
    "bookable": (["true", "false"], ["vielleicht"]),
    "near": ([NEAR], ["abc", "200,100"]),
    "radius": ([{"near": NEAR, "radius": "1500"}], [{"radius": "1500"}, {"near": NEAR, "radius": "abc"},
                                                      {"near": NEAR, "radius": "99999"}]),
    "page": ([{"page": "2", "page_size": "5"}, {"page": "999", "page_size": "5"}], ["abc", "0"]),
    "page_size": (["5", "5000"], ["0", "abc", "5001"]),
    "catchment": (["1500", "500"], ["abc", "99999"]),
    "grid": (["500"], ["abc", "10"]),
    "mss_weight": (["0.5"], ["2", "abc"]),
    "supply_types": (["{facility_type}", "{facility_type},{facility_type_2}"], ["gibt-es-nicht"]),
    "q": (["beratung", "Moschee"], ["   "]),
}
# Values where one name means different things on different endpoints.
BY_PATH = {
    ("/api/geocode/", "q"): (["Carl-Schurz-Str. 31, 13597 Berlin", "Rathaus Spandau", "Nirgendwostraße 1"],
                             ["   ", "x" * 201]),
    ("/api/facilities/", "type"): (["{facility_type}", "{facility_type},{facility_type_2}"], ["gibt-es-nicht"]),
    ("/api/meeting-places/", "type"): (["community-centre", "community-centre,library"], ["gibt-es-nicht"]),
}


def facility_types():
    from .env import find_model

    keys = sorted(find_model("geodata", "FacilityType").objects.values_list("key", flat=True))
    return {"facility_type": keys[0], "facility_type_2": keys[-1]} if keys else {}


def query_of(name, value, substitutions):
    if isinstance(value, dict):
        return urlencode(value)
    return urlencode({name: value.format(**substitutions)})


def operations(schema_bytes):
    """(path template, [query parameter dicts]) of every GET operation."""
    schema = json.loads(schema_bytes)
    result = []
    for path, methods in sorted(schema.get("paths", {}).items()):
        get = methods.get("get")
        if get is not None:
            result.append((path, [p for p in get.get("parameters", []) if p.get("in") == "query"]))
    return result


def variants(schema_bytes, fill_path):
    """Paths with query strings, and (operation, parameter) pairs no value is known for.
    fill_path(template) gives concrete paths for '/api/organisations/{slug}/'."""
    substitutions = facility_types()
    queries, unknown = [], []
    for template, parameters in operations(schema_bytes):
        for path in fill_path(template):
            queries.append(path)
            for parameter in parameters:
                name = parameter["name"]
                schema = parameter.get("schema", {})
                enum = schema.get("enum") or schema.get("items", {}).get("enum")
                known = BY_PATH.get((template, name)) or VALUES.get(name)
                if enum:
                    valid, malformed = list(enum), ["gibt-es-nicht"]
                elif known:
                    valid, malformed = known
                else:
                    unknown.append(f"{template} ?{name}")
                    continue
                if schema.get("type") in ("integer", "number") and "abc" not in malformed:
                    malformed = [*malformed, "abc"]
                for value in [*valid, *malformed]:
                    queries.append(f"{path}?{query_of(name, value, substitutions)}")
            if any(p["name"] == "bbox" for p in parameters):
                queries.append(f"{path}?{urlencode({'bbox': BBOX, 'page_size': '3'})}")
    return sorted(set(queries)), unknown
