"""OpenAPI descriptions of the directory API (the bodies are assembled by orjson, not serializers)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from atlas.directory.filters import DEFAULT_PAGE_SIZE, MAX_IDS, MAX_PAGE, MAX_PAGE_SIZE, MAX_RADIUS_M
from atlas.directory.translations import SOURCE_LANGUAGE, UI_LANGUAGES
from common.api.params import MAX_QUERY_LENGTH
from common.api.schema import (
    BOOLEAN,
    GEOMETRY,
    INTEGER,
    NULLABLE_GEOMETRY,
    NULLABLE_INTEGER,
    NULLABLE_STRING,
    ORTSTEIL_KEYS,
    STRING,
    STRING_LIST,
    feature,
)
from geodata.api.schema import NEAR_STOPS

NULLABLE_URL = {"type": "string", "format": "uri", "nullable": True}
PAIR = {"type": "object", "properties": {"key": STRING, "name": STRING}}
PAIRS = {"type": "array", "items": PAIR}
NULLABLE_DISTANCE = {"type": "integer", "description": "Only with near: metres from the point (planar, EPSG:25833)."}
WALKING = {"type": "integer", "description": "Only with near: ceil(distance_m / 80 m per minute)."}

TEXT_LANGUAGE = {"type": "string", "enum": list(UI_LANGUAGES)}
COMMON = {
    "id": INTEGER, "slug": STRING, "name": STRING,
    "short_description": {"type": "string", "description": "In the requested language (lang), else German."},
    "description_language": {**TEXT_LANGUAGE, "description": "The language short_description is in: the "
                             f"requested one, or {SOURCE_LANGUAGE} when there is no translation."},
    "ortsteil": NULLABLE_STRING, "ortsteil_key": NULLABLE_STRING, "planning_area": NULLABLE_STRING,
    "location_precision": {"type": "string", "nullable": True,
                           "description": "planning_area when the entry is shown at planning-area level only."},
    "is_sample": BOOLEAN, "url": STRING, "distance_m": NULLABLE_DISTANCE, "walking_minutes": WALKING,
}
OPENING_HOURS = {"type": "object", "additionalProperties": {"type": "array", "items": STRING_LIST},
                 "description": 'Days mo…su with [opens, closes] pairs, e.g. {"mo": [["09:00", "17:00"]]}; a missing '
                                "day means closed; a closing time before the opening time runs past midnight. "
                                "Times are Europe/Berlin."}
WHEELCHAIR = {"type": "string", "enum": ["yes", "limited", "no", "unknown"]}
LIST_SUMMARY = {
    "address": {"type": "string", "nullable": True,
                "description": "Street, postcode and town (e.g. Obstallee 22, 13593 Berlin); null when the address "
                               "is not public (shown at planning-area level) or not known."},
    "opening_hours": OPENING_HOURS, "opening_hours_note": STRING, "wheelchair_access": WHEELCHAIR,
    "nearest_stops": {**NEAR_STOPS, "description": "Empty when the exact location is not public or the point only "
                      "names an area (location_precision planning_area or ortsteil). " + NEAR_STOPS["description"]},
}
ORGANISATION = {**COMMON, **LIST_SUMMARY, "kind": STRING, "categories": STRING_LIST,
                "primary_category": NULLABLE_STRING, "languages": STRING_LIST}
MEETING_PLACE = {**COMMON, **LIST_SUMMARY, "place_type": STRING, "bookable": BOOLEAN}

DETAIL_COMMON = {
    **{key: value for key, value in COMMON.items() if key not in ("distance_m", "walking_minutes")},
    "description": {"type": "string", "description": "In the requested language (lang), else German."},
    "description_language": {**TEXT_LANGUAGE, "description": "The language description is in (of "
                             "short_description when there is no description): the requested one, or "
                             f"{SOURCE_LANGUAGE} when there is no translation."},
    "short_description_language": {**TEXT_LANGUAGE, "description": "The language short_description is in."},
    "opening_hours": OPENING_HOURS, "opening_hours_note": STRING, "wheelchair_access": WHEELCHAIR,
    "last_verified": NULLABLE_STRING,
    "planning_area_name": NULLABLE_STRING,
    "street": {"type": "string", "description": "Only when the exact location is public."},
    "postcode": {"type": "string", "description": "Only when the exact location is public."},
    "nearest_stops": {**NEAR_STOPS, "description": "Only when the exact location is public; empty when the point "
                      "only names an area. " + NEAR_STOPS["description"]},
    "website": {"type": "string", "description": "Only with consent to publish contact data."},
    "email": {"type": "string", "description": "Only with consent to publish contact data."},
    "phone": {"type": "string", "description": "Only with consent to publish contact data."},
}
ORGANISATION_DETAIL = {
    **DETAIL_COMMON, "kind": STRING, "categories": PAIRS, "primary_category": NULLABLE_STRING,
    "target_groups": PAIRS, "communities": PAIRS,
    "languages": {"type": "array", "items": {"type": "object", "properties": {
        "code": STRING, "native_name": STRING, "german_name": STRING, "rtl": BOOLEAN}}},
    "legal_form": STRING, "founded_year": NULLABLE_INTEGER, "network_member": BOOLEAN,
    "social_links": {"type": "array", "items": {}, "description": "Only with consent to publish contact data."},
}
MEETING_PLACE_DETAIL = {
    **DETAIL_COMMON, "place_type": PAIR,
    "rooms": {"type": "array", "items": {"type": "object", "properties": {
        "name": STRING, "capacity": NULLABLE_INTEGER, "note": STRING}}},
    "bookable": BOOLEAN, "cost": STRING, "accessibility_note": STRING,
    "operator": {"type": "object", "nullable": True, "properties": {"name": STRING, "slug": STRING, "url": STRING}},
    "operator_name": STRING,
    "source": {"type": "object", "nullable": True, "description": "The source of the place's name and address.",
               "properties": {name: STRING for name in ("key", "title", "attribution", "licence", "url")}},
    "sources": {"type": "array", "description": "Every source the place comes from (one real place may be in "
                                                "several layers), its own first; each needs its attribution.",
                "items": {"type": "object",
                          "properties": {name: STRING for name in ("key", "title", "attribution", "licence", "url")}}},
    "source_records": {"type": "array", "description": "The records of the sources this place stands for.",
                       "items": {"type": "object", "properties": {"name": STRING, "street": STRING,
                                                                  "source": STRING}}},
}


SUGGESTIONS = {
    "type": "array", "maxItems": 3,
    "description": "\"Did you mean …\": only when nothing is found and a word of q matches nothing in the directory, "
                   "up to three queries that each find something with the same other filters, most similar first; "
                   "otherwise empty.",
    "items": {"type": "object", "required": ["q", "label"], "properties": {
        "q": {"type": "string", "description": "The whole query to search instead (the word replaced)."},
        "label": {"type": "string", "description": "What replaces the word: a vocabulary term in the requested "
                                                   "language (lang), or the name of an entry."},
    }},
}


def page(properties):
    return {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "count": INTEGER, "next": NULLABLE_URL, "previous": NULLABLE_URL,
            "features": {"type": "array", "items": feature(properties, INTEGER, NULLABLE_GEOMETRY)},
            "suggestions": SUGGESTIONS,
        },
        "required": ["type", "count", "next", "previous", "features", "suggestions"],
    }


def map_layer(kind):
    point = {**GEOMETRY, "description": "GeoJSON Point, WGS84 longitude/latitude, 5 decimals."}
    properties = {"kind": {"type": "string", "enum": [kind]}, "category": NULLABLE_STRING}
    return {
        "type": "object",
        "properties": {"type": {"type": "string", "enum": ["FeatureCollection"]},
                       "features": {"type": "array", "items": feature(properties, INTEGER, point)}},
        "required": ["type", "features"],
    }


def detail(properties):
    return {**feature(properties, INTEGER, NULLABLE_GEOMETRY),
            "description": "geometry is null for an entry without location."}


def vocabulary_list(**fields):
    return {"type": "array", "items": {"type": "object", "properties": {**fields, "count": INTEGER}}}


CATEGORIES = vocabulary_list(key=STRING, name=STRING, colour=STRING)
LANGUAGES = vocabulary_list(code=STRING, native_name=STRING, german_name=STRING, rtl=BOOLEAN)
TARGET_GROUPS = vocabulary_list(key=STRING, name=STRING)
MEETING_PLACE_TYPES = vocabulary_list(key=STRING, name=STRING)


def _parameter(name, description, kind=OpenApiTypes.STR):
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description)


LANG = OpenApiParameter(
    "lang", OpenApiTypes.STR, OpenApiParameter.QUERY, enum=list(UI_LANGUAGES),
    description="Language of short_description and description. Without it the site's language cookie or "
                "Accept-Language decides (default de). A text without translation falls back to German; "
                "description_language says which language it is in. Other values: 400.")
SLUG = OpenApiParameter("slug", {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"}, OpenApiParameter.PATH,
                        description="The entry's slug; any other gives 404.")
COMMON_PARAMETERS = [
    LANG,
    _parameter("q", "Words that must all occur (case-, umlaut- and ß-tolerant: Türkisch = Turkisch = Tuerkisch) in "
               "the name, descriptions (any language), address or linked vocabulary. Fields of activity, target "
               "groups, communities, kinds of meeting place, languages and their synonyms are understood in all "
               "six UI languages, whatever lang is (Moschee = mosque = cami = مسجد = мечеть; Beratung = "
               "консультація = استشارة). A word found nowhere stands for the nearest words within typing errors "
               "(up to 5 letters one edit, from 6 letters two: Beratnug → Beratung). When nothing is found, "
               "suggestions says what may have been meant.",
               {"type": "string", "maxLength": MAX_QUERY_LENGTH}),
    _parameter("bbox", "minlon,minlat,maxlon,maxlat in WGS84 degrees."),
    _parameter("near", "lon,lat in WGS84: order by distance and add distance_m and walking_minutes."),
    _parameter("radius", f"Metres (1–{MAX_RADIUS_M}) around near. Only together with near: radius without "
               "near gives 400.", {"type": "number", "minimum": 1, "maximum": MAX_RADIUS_M}),
    _parameter("ortsteil", "Ortsteil keys, comma-separated, e.g. 0501 (see /api/ortsteile/); an unknown key: 400.",
               ORTSTEIL_KEYS),
    _parameter("open_now", "true: only entries open now by their opening hours, in Europe/Berlin time (entries "
               "without opening hours are left out); false or absent: no restriction.", OpenApiTypes.BOOL),
    _parameter("wheelchair", "true: only entries marked wheelchair accessible (wheelchair_access yes); false or "
               "absent: no restriction.", OpenApiTypes.BOOL),
    _parameter("id", f"Entry ids, comma-separated (at most {MAX_IDS}): only these entries (a marker of the map "
               "layer asks for its entry so).", {"type": "string", "pattern": r"^[0-9, \t\n\v\f\r]*$"}),
    _parameter("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
    _parameter("page_size", f"Features per page, default {DEFAULT_PAGE_SIZE}, at most {MAX_PAGE_SIZE}.",
               {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}),
]
ORGANISATION_PARAMETERS = [
    *COMMON_PARAMETERS,
    _parameter("category", "Category keys, comma-separated, any of them (see /api/categories/)."),
    _parameter("language", "Language codes, comma-separated, any of them (see /api/languages/)."),
    _parameter("target_group", "Target group keys, comma-separated, any of them (see /api/target-groups/)."),
]
MEETING_PLACE_PARAMETERS = [
    *COMMON_PARAMETERS,
    _parameter("type", "Meeting place type keys, comma-separated (see /api/meeting-place-types/)."),
    _parameter("bookable", "true or false.", OpenApiTypes.BOOL),
]
# The map layers take the lists' filters; the texts (lang) and the pages do not apply.
_NOT_FOR_MAP_LAYERS = {"lang", "page", "page_size"}
MAP_LAYER_ORGANISATION_PARAMETERS = [p for p in ORGANISATION_PARAMETERS if p.name not in _NOT_FOR_MAP_LAYERS]
MAP_LAYER_MEETING_PLACE_PARAMETERS = [p for p in MEETING_PLACE_PARAMETERS if p.name not in _NOT_FOR_MAP_LAYERS]
