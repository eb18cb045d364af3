"""OpenAPI descriptions of the GeoJSON responses and query parameters.

The views return bytes assembled by orjson, so drf-spectacular cannot infer their shape from a
serializer; these raw schemas describe it instead.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
INTEGER = {"type": "integer"}
NULLABLE_INTEGER = {"type": "integer", "nullable": True}
NULLABLE_NUMBER = {"type": "number", "nullable": True}
BOOLEAN = {"type": "boolean"}
STRING_LIST = {"type": "array", "items": STRING}
NULLABLE_OBJECT = {"type": "object", "nullable": True, "additionalProperties": True}

GEOMETRY = {
    "type": "object",
    "description": "GeoJSON geometry (RFC 7946), WGS84 longitude/latitude, 6 decimals.",
    "properties": {"type": STRING, "coordinates": {"type": "array", "items": {}}},
    "required": ["type", "coordinates"],
}

NULLABLE_GEOMETRY = {**GEOMETRY, "nullable": True,
                     "description": GEOMETRY["description"] + " null for an entry without location."}

ERROR = {"type": "object", "properties": {"detail": STRING}, "required": ["detail"]}

SOURCE = {
    "type": "object",
    "properties": {name: STRING for name in ("key", "title", "publisher", "licence", "attribution", "vintage", "url")},
}


def feature(properties, id_schema=STRING, geometry=GEOMETRY):
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": id_schema,
            "geometry": geometry,
            "properties": {"type": "object", "properties": properties},
        },
        "required": ["type", "geometry", "properties"],
    }


def feature_collection(properties, id_schema=STRING):
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "features": {"type": "array", "items": feature(properties, id_schema)},
        },
        "required": ["type", "features"],
    }


ORTSTEIL = {
    "key": STRING, "name": STRING, "area_km2": {"type": "number"}, "residents": NULLABLE_INTEGER,
    "migration_background_share": NULLABLE_NUMBER, "foreigners_share": NULLABLE_NUMBER, "source": STRING,
}

PLANNING_AREA = {
    "key": STRING, "name": STRING, "ortsteil": STRING, "ortsteil_key": STRING, "bezirksregion": STRING,
    "prognoseraum": STRING, "area_km2": {"type": "number"},
    "residents": NULLABLE_INTEGER, "migration_background": NULLABLE_INTEGER,
    "migration_background_share": NULLABLE_NUMBER, "foreigners": NULLABLE_INTEGER,
    "foreigners_share": NULLABLE_NUMBER,
    "mss_status_index": NULLABLE_INTEGER, "mss_status_label": NULLABLE_STRING,
    "mss_dynamics_index": NULLABLE_INTEGER, "mss_dynamics_label": NULLABLE_STRING,
    "municipal_housing_share": NULLABLE_NUMBER, "sources": STRING_LIST,
}

PLANNING_AREA_DETAIL = {
    **PLANNING_AREA,
    "bezirksregion_key": STRING, "prognoseraum_key": STRING,
    "female": NULLABLE_INTEGER, "germans": NULLABLE_INTEGER,
    "germans_without_migration_background": NULLABLE_INTEGER,
    "germans_with_migration_background": NULLABLE_INTEGER, "migration_background_female": NULLABLE_INTEGER,
    "age_groups": NULLABLE_OBJECT, "migration_background_age_groups": NULLABLE_OBJECT, "origin": NULLABLE_OBJECT,
    "mss_valid": BOOLEAN, "mss_residents_2020": NULLABLE_INTEGER, "mss_status_dynamics_class": NULLABLE_STRING,
    "unemployment": NULLABLE_NUMBER, "transfer_benefits": NULLABLE_NUMBER, "child_poverty": NULLABLE_NUMBER,
    "unemployment_change": NULLABLE_NUMBER, "transfer_benefits_change": NULLABLE_NUMBER,
    "child_poverty_change": NULLABLE_NUMBER, "context_indicators": NULLABLE_OBJECT,
    "residential_area_m2": NULLABLE_NUMBER, "cooperative_share": NULLABLE_NUMBER,
    "private_persons_share": NULLABLE_NUMBER, "legal_entities_share": NULLABLE_NUMBER,
    "common_good_share": NULLABLE_NUMBER,
    "reference_dates": {"type": "object", "properties": {
        "population": NULLABLE_STRING, "social_monitoring": NULLABLE_STRING, "housing_ownership": NULLABLE_STRING,
    }},
    "sources": {"type": "array", "items": SOURCE},
}

FACILITY = {"id": INTEGER, "name": STRING, "type": STRING}

FACILITY_DETAIL = {
    **FACILITY,
    "type_name": STRING, "street": STRING, "postcode": STRING, "website": STRING, "capacity": NULLABLE_INTEGER,
    "operator": STRING, "planning_area": STRING, "planning_area_name": STRING, "ortsteil": STRING,
    "ortsteil_name": STRING,
    "source": {"type": "object", "properties": {name: STRING for name in ("key", "title", "attribution", "licence")}},
}

HOUSING_ESTATE = {
    "id": INTEGER, "name": STRING, "derivation": STRING, "planning_areas": STRING_LIST, "edited": BOOLEAN,
    "source": STRING,
}

FACILITY_TYPES = {
    "type": "array",
    "items": {"type": "object", "properties": {"key": STRING, "name": STRING, "colour": STRING, "count": INTEGER}},
}

SOURCES = {"type": "array", "items": SOURCE}

TYPE_PARAMETER = OpenApiParameter(
    "type", OpenApiTypes.STR,
    description="One or several comma-separated facility type keys (see /api/facility-types/); "
                "an unknown key gives 400 listing the valid ones.",
)
BBOX_PARAMETER = OpenApiParameter(
    "bbox", OpenApiTypes.STR,
    description="minlon,minlat,maxlon,maxlat in WGS84 degrees; only facilities inside are returned.",
)
# Ortsteil keys are four digits (LOR), comma-separated; blanks (params.BLANKS) and empty items are
# ignored. Which keys exist is data (/api/ortsteile/): an unknown one is a 400.
ORTSTEIL_KEYS = {"type": "string", "pattern": r"^[0-9, \t\n\v\f\r]*$"}
ORTSTEIL_PARAMETER = OpenApiParameter(
    "ortsteil", ORTSTEIL_KEYS,
    description="One or several comma-separated Ortsteil keys, e.g. 0501 (see /api/ortsteile/); an unknown "
                "key gives 400 listing the valid ones.",
)


# Query parameters whose empty value is a 400 rather than "not given".
EMPTY_IS_INVALID = {"lang"}


def empty_means_absent(result, generator, request, public):
    """drf-spectacular postprocessing hook: the views treat an optional query parameter sent empty
    (``?bbox=``, as HTML forms send unfilled fields) as not given; ``allowEmptyValue`` says so."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else ():
                if (parameter.get("in") == "query" and not parameter.get("required")
                        and parameter["name"] not in EMPTY_IS_INVALID):
                    parameter["allowEmptyValue"] = True
    return result

