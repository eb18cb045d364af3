"""GeoJSON of the public directory: flat rows (``values_list`` + ``AsGeoJSON``) assembled with orjson.

No serializer per feature (see common/api/geojson.py and the field notes). Vocabulary keys of a
page come from one query per relation on the through table, never one per entry. Entries shown at
planning-area level (atlas.directory.queries) get the public point instead of their own geometry,
no street and no postcode.
"""

from collections import defaultdict

import orjson
from django.contrib.gis.geos import Point
from django.db.models import F, OuterRef, Subquery, TextField
from django.urls import NoReverseMatch, reverse

from atlas.directory.models import Located, LocationPrecision, MeetingPlace, Organisation, PublicationStatus
from atlas.directory.queries import public_points, walking_minutes
from atlas.directory.translations import SOURCE_LANGUAGE, localize
from atlas.directory.visibility import gives_nearest_stops
from common.api.geojson import COORDINATE_PRECISION, feature, geometry_json
from geodata.transit import StopIndex, nearest_stops

# Above this many entries on a page the relation queries select by subquery instead of an id list
# (SQLite limits the number of query parameters).
MAX_ID_LIST = 500

FALLBACK_URLS = {
    Organisation: ("atlas:organisation-detail", "/organisationen/{slug}/"),
    MeetingPlace: ("atlas:meeting-place-detail", "/treffpunkte/{slug}/"),
}
_SLUG = "SLUG-PLACEHOLDER"


def detail_url_template(model):
    """The public page of an entry as a ``str.format`` template with ``{slug}``: reversed once per
    response rather than once per feature; a fixed path until the UI registers its URL names."""
    name, fallback = FALLBACK_URLS[model]
    try:
        return reverse(name, kwargs={"slug": _SLUG}).replace(_SLUG, "{slug}")
    except NoReverseMatch:
        return fallback


def point_geometry(point):
    """GeoJSON text of a WGS84 point, six decimals like ``AsGeoJSON``."""
    if point is None:
        return None
    return orjson.dumps({"type": "Point", "coordinates": [round(point.x, COORDINATE_PRECISION),
                                                          round(point.y, COORDINATE_PRECISION)]}).decode()


def _links(model, relation):
    """(through model, owner column, target name, ordering of the target) of a many-to-many relation."""
    through = getattr(model, relation).through
    target_model = getattr(model, relation).field.related_model
    target = target_model._meta.model_name
    ordering = [f"{target}__{name}" for name in target_model._meta.ordering]
    return through, f"{model._meta.model_name}_id", target, ordering


def relation_keys(model, relation, field, ids, subquery):
    """{entry id: [keys in vocabulary order]} for one many-to-many relation, in one query."""
    through, owner, target, ordering = _links(model, relation)
    rows = through.objects.filter(**{f"{owner}__in": ids if len(ids) <= MAX_ID_LIST else subquery})
    keys = defaultdict(list)
    for entry_id, key in rows.order_by(owner, *ordering).values_list(owner, f"{target}__{field}"):
        keys[entry_id].append(key)
    return keys


def inline_keys(model, relation, field):
    """The keys of one many-to-many relation of each row, in vocabulary order, as an expression to
    annotate: for small pages (nearest first), where a correlated subquery beats a second query."""
    through, owner, target, ordering = _links(model, relation)
    return KeyList(through.objects.filter(**{owner: OuterRef("pk")}).order_by(*ordering)
                   .values(value=F(f"{target}__{field}")))


class KeyList(Subquery):
    """The values of a one-column subquery as the text of a JSON array, in the subquery's order
    (parsed with orjson by the caller: cheaper than a JSONField's conversion per row)."""

    template = "array_to_json(ARRAY(%(subquery)s))::text"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template='(SELECT json_group_array("value") FROM (%(subquery)s))',
                           **extra_context)


# What a result in a list or popup says besides its name (static/atlas/js/directory/result-summary.js).
SUMMARY_FIELDS = ("street", "postcode", "opening_hours", "opening_hours_note", "wheelchair_access")
ORGANISATION_FIELDS = (
    "pk", "slug", "name", "kind", "short_description", "ortsteil__name", "ortsteil__key",
    "planning_area_id", "planning_area__key", "planning_area__ortsteil__name", "planning_area__ortsteil__key",
    "location_precision", "is_sample", "consent_publish_address", "geometry", *SUMMARY_FIELDS,
)
INLINE_KEY_FIELDS = ("category_keys", "language_keys")
MEETING_PLACE_FIELDS = (
    "pk", "slug", "name", "place_type__key", "short_description", "ortsteil__name", "ortsteil__key",
    "planning_area__key", "location_precision", "is_sample", "bookable", "geometry", *SUMMARY_FIELDS,
)


def _short_description(language):
    """(extra fields to read, row → short_description and description_language properties).

    In German only the field itself is read; otherwise also ``translations`` (appended to the row)."""
    if language == SOURCE_LANGUAGE:
        return (), lambda german, row: {"short_description": german, "description_language": SOURCE_LANGUAGE}

    def texts(german, row):
        text = localize(german, row[-1], "short_description", language)
        return {"short_description": text.text, "description_language": text.language}
    return ("translations",), texts


def list_features(selection, offset, limit, language=SOURCE_LANGUAGE):
    """The features of one page of a Selection, in its order. Ordered by name: one query for the
    rows and one per vocabulary relation (cheapest for pages of thousands). Nearest first: one query
    with the vocabulary keys inline (pages are small there), plus one for entries shown at
    planning-area level if any land on the page. The short description is in `language`, else
    German; ``description_language`` says which."""
    model = selection.model
    extra, texts = _short_description(language)
    url = detail_url_template(model)
    base = ORGANISATION_FIELDS if model is Organisation else MEETING_PLACE_FIELDS
    if selection.near_metric is None:
        rows = selection.queryset.annotate(geometry=geometry_json("location"))
        rows = list(rows.values_list(*base, *extra)[offset:offset + limit])
        distances = None
    else:
        inline = INLINE_KEY_FIELDS if model is Organisation else ()
        page = selection.nearest(offset, limit, base + inline + extra, _nearest_annotations)
        rows = [row for row, _ in page]
        distances = {row[0]: distance for row, distance in page}
    if model is Organisation:
        features, located = _organisation_features(selection, rows, distances, url, texts)
    else:
        features, located = _meeting_place_features(rows, distances, url, texts)
    _add_nearest_stops(features, located)
    return features


def _add_nearest_stops(features, located):
    """Each feature's ``nearest_stops`` (geodata.transit's rule); only for the ids in ``located`` (id →
    GeoJSON of a public point at address or street precision), [] for the rest. One query per page."""
    index = StopIndex.load() if located else None
    for item in features:
        stops = []
        if item["id"] in located:
            lon, lat = orjson.loads(located[item["id"]])["coordinates"]
            stops = [stop.as_dict() for stop in index.nearest(Point(lon, lat, srid=4326))]
        item["properties"]["nearest_stops"] = stops


def _nearest_annotations(queryset):
    """The geometry and, for organisations, the vocabulary keys inline (nearest-first pages are small)."""
    queryset = queryset.annotate(geometry=geometry_json("location"))
    if queryset.model is Organisation:
        queryset = queryset.annotate(category_keys=inline_keys(Organisation, "categories", "key"),
                                     language_keys=inline_keys(Organisation, "languages", "code"))
    return queryset


def _summary(values, address_public):
    """Address (only when public), opening hours and wheelchair access from the SUMMARY_FIELDS of a row."""
    street, postcode, hours, hours_note, wheelchair = values
    return {"address": (Located.format_address(street, postcode) or None) if address_public else None,
            "opening_hours": hours or {}, "opening_hours_note": hours_note, "wheelchair_access": wheelchair}


def _distance(properties, distance):
    # Minutes from the whole metres reported, so a client gets the same from distance_m.
    properties["distance_m"] = round(distance)
    properties["walking_minutes"] = walking_minutes(properties["distance_m"])


def _organisation_features(selection, rows, distances, url, texts):
    if distances is not None:  # keys inline, after ORGANISATION_FIELDS
        inline = len(ORGANISATION_FIELDS)
        categories = {row[0]: orjson.loads(row[inline]) for row in rows}
        languages = {row[0]: orjson.loads(row[inline + 1]) for row in rows}
    elif rows:
        ids = [row[0] for row in rows]
        subquery = selection.queryset.order_by().values("pk")
        categories = relation_keys(Organisation, "categories", "key", ids, subquery)
        languages = relation_keys(Organisation, "languages", "code", ids, subquery)
    else:
        categories = languages = {}
    features = []
    hides = Organisation.hides_location
    kind_at, area_at, consent_at = (ORGANISATION_FIELDS.index(name) for name in (
        "kind", "planning_area_id", "consent_publish_address"))
    selection.load_public_points(row[area_at] for row in rows if hides(row[kind_at], row[consent_at]))
    summary_at = ORGANISATION_FIELDS.index(SUMMARY_FIELDS[0])
    located = {}  # id → GeoJSON text of entries given their nearest stops
    for row in rows:
        (pk, slug, name, kind, short_description, ortsteil_name, ortsteil_key, planning_area_id, planning_area_key,
         area_ortsteil_name, area_ortsteil_key, precision, is_sample, address_consent, geometry) = row[:15]
        hidden = hides(kind, address_consent)
        if geometry and gives_nearest_stops(not hidden, precision):
            located[pk] = geometry
        if hidden:
            geometry = point_geometry(selection.public_point(True, planning_area_id, None))
            ortsteil_name, ortsteil_key = area_ortsteil_name, area_ortsteil_key
            precision = LocationPrecision.PLANNING_AREA.value
        keys = categories.get(pk, [])
        properties = {
            "id": pk, "slug": slug, "name": name, "kind": kind, **texts(short_description, row),
            "categories": keys, "primary_category": keys[0] if keys else None,
            "languages": languages.get(pk, []),
            "ortsteil": ortsteil_name, "ortsteil_key": ortsteil_key, "planning_area": planning_area_key,
            "location_precision": precision or None, "is_sample": is_sample, "url": url.format(slug=slug),
            **_summary(row[summary_at:summary_at + len(SUMMARY_FIELDS)], not hidden),
        }
        if distances is not None:
            _distance(properties, distances[pk])
        features.append(feature(pk, geometry, properties))
    return features, located


def _meeting_place_features(rows, distances, url, texts):
    features = []
    summary_at = MEETING_PLACE_FIELDS.index(SUMMARY_FIELDS[0])
    located = {}  # id → GeoJSON text of entries given their nearest stops
    for row in rows:
        (pk, slug, name, place_type, short_description, ortsteil_name, ortsteil_key, planning_area_key, precision,
         is_sample, bookable, geometry) = row[:12]
        if geometry and gives_nearest_stops(True, precision):
            located[pk] = geometry
        properties = {
            "id": pk, "slug": slug, "name": name, "place_type": place_type, **texts(short_description, row),
            "ortsteil": ortsteil_name, "ortsteil_key": ortsteil_key, "planning_area": planning_area_key,
            "location_precision": precision or None, "is_sample": is_sample, "bookable": bookable,
            "url": url.format(slug=slug), **_summary(row[summary_at:summary_at + len(SUMMARY_FIELDS)], True),
        }
        if distances is not None:
            _distance(properties, distances[pk])
        features.append(feature(pk, geometry, properties))
    return features, located


def feature_collection_page(features, count, next_url, previous_url, suggestions=()):
    return orjson.dumps({"type": "FeatureCollection", "count": count, "next": next_url,
                         "previous": previous_url, "features": features, "suggestions": list(suggestions)})


# --- details ------------------------------------------------------------------------------------------

def _pairs(manager):
    return [{"key": item.key, "name": item.label} for item in manager.all()]


def _texts(entry, language):
    """Short description and description in `language`, else German, with the language of each."""
    short = localize(entry.short_description, entry.translations, "short_description", language)
    description = localize(entry.description, entry.translations, "description", language)
    # The language of the description, or of the short description when there is no description.
    shown = description if description.text else short
    return {"short_description": short.text, "description": description.text,
            "description_language": shown.language, "short_description_language": short.language}


def _common_detail(entry, shows_exact_location, shows_contact, language):
    properties = {
        "id": entry.pk, "slug": entry.slug, "name": entry.name,
        **_texts(entry, language),
        "opening_hours": entry.opening_hours, "opening_hours_note": entry.opening_hours_note,
        "wheelchair_access": entry.wheelchair_access,
        "last_verified": entry.last_verified.isoformat() if entry.last_verified else None,
        "is_sample": entry.is_sample,
        "ortsteil": entry.ortsteil.name if entry.ortsteil else None,
        "ortsteil_key": entry.ortsteil.key if entry.ortsteil else None,
        "planning_area": entry.planning_area.key if entry.planning_area else None,
        "planning_area_name": entry.planning_area.name if entry.planning_area else None,
        "location_precision": entry.location_precision or None,
        "url": detail_url_template(type(entry)).format(slug=entry.slug),
    }
    if shows_exact_location:
        stops = nearest_stops(entry.location) if gives_nearest_stops(True, entry.location_precision) else []
        properties.update(street=entry.street, postcode=entry.postcode,
                          nearest_stops=[stop.as_dict() for stop in stops])
    if shows_contact:
        properties.update(website=entry.website, email=entry.email, phone=entry.phone)
    return properties


def organisation_detail(slug, language=SOURCE_LANGUAGE):
    """A Feature dict of a published organisation, or None; the descriptions in `language`, else German."""
    entry = (Organisation.objects.published().filter(slug=slug).select_related("ortsteil", "planning_area__ortsteil")
             .prefetch_related("categories", "target_groups", "communities", "languages").first())
    if entry is None:
        return None
    exact = entry.shows_exact_location
    properties = _common_detail(entry, exact, entry.consent_publish_contact, language)
    properties.update(
        kind=entry.kind,
        categories=_pairs(entry.categories), target_groups=_pairs(entry.target_groups),
        communities=_pairs(entry.communities),
        languages=[{"code": lang.code, "native_name": lang.native_name, "german_name": lang.german_name,
                    "rtl": lang.rtl} for lang in entry.languages.all()],
        legal_form=entry.legal_form, founded_year=entry.founded_year, network_member=entry.network_member,
    )
    properties["primary_category"] = properties["categories"][0]["key"] if properties["categories"] else None
    if entry.consent_publish_contact:
        properties["social_links"] = entry.social_links
    if exact:
        geometry = point_geometry(entry.location)
    else:
        points = public_points([entry.planning_area_id])
        point = points.get(entry.planning_area_id)
        geometry = point_geometry(point.wgs84() if point else None)
        area = entry.planning_area
        properties.update(ortsteil=area.ortsteil.name if area else None,
                          ortsteil_key=area.ortsteil.key if area else None,
                          location_precision=LocationPrecision.PLANNING_AREA.value)
    return {"type": "Feature", "id": entry.pk, "geometry": orjson.Fragment(geometry) if geometry else None,
            "properties": properties}


def _source(source):
    return {"key": source.key, "title": source.title, "attribution": source.attribution, "licence": source.licence,
            "url": source.url}


def meeting_place_detail(slug, language=SOURCE_LANGUAGE):
    """A Feature dict of a published meeting place, or None. Meeting places are public places:
    their address and contact data are always shown. The descriptions in `language`, else German."""
    entry = (MeetingPlace.objects.published().filter(slug=slug)
             .select_related("ortsteil", "planning_area", "place_type", "operator", "source")
             .prefetch_related("rooms", "facilities__source").first())
    if entry is None:
        return None
    properties = _common_detail(entry, True, True, language)
    operator = entry.operator
    published_operator = operator is not None and operator.status == PublicationStatus.PUBLISHED
    properties.update(
        place_type={"key": entry.place_type.key, "name": entry.place_type.label},
        rooms=[{"name": room.name, "capacity": room.capacity, "note": room.note} for room in entry.rooms.all()],
        bookable=entry.bookable, cost=entry.cost, accessibility_note=entry.accessibility_note,
        operator={"name": operator.name, "slug": operator.slug,
                  "url": detail_url_template(Organisation).format(slug=operator.slug)}
        if published_operator else None,
        operator_name=entry.operator_name or (operator.name if published_operator else ""),
        source=_source(entry.source) if entry.source else None,
        sources=[_source(source) for source in entry.all_sources()],
        source_records=[{"name": record.name, "street": record.street, "source": record.source.key}
                        for record in entry.source_records()],
    )
    return {"type": "Feature", "id": entry.pk,
            "geometry": orjson.Fragment(point_geometry(entry.location)) if entry.location else None,
            "properties": properties}

