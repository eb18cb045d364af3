"""The directory's map layer: every entry matching the filters as a slim point, in one GeoJSON
FeatureCollection.

The map page shows all matches at once from this layer and pages through the full features of the
list API beside it (atlas.directory.api.geojson); a marker's popup asks the list API for its entry
(``id=``). Each feature carries its id, its kind (``organisation`` or ``meeting_place``) and its
category (an organisation's first field of activity, a meeting place's type) with five decimals
(about a metre): ~11 bytes a point gzipped, against ~25 for the list's features (field notes).

One query of flat rows (``values_list``: id, x and y read by the database as numbers, the category
key) assembled by orjson; entries shown at planning-area level get their planning area's
public point, as everywhere (atlas.directory.queries). Without bbox and near the bytes are kept per
set of filters for a minute (atlas.directory.cache), like the count.
"""

import orjson
from django.db.models import FloatField, Func, OuterRef, Subquery

from atlas.directory.cache import remembered
from atlas.directory.models import Category, Organisation

MAP_PRECISION = 5  # decimals of the coordinates: about 1 m


class Coordinate(Func):
    """``ST_X`` or ``ST_Y`` of the location rounded to MAP_PRECISION decimals, as a number: on both
    backends much cheaper than ``AsGeoJSON`` (SpatiaLite: 99 against 168 ms at 10,000 rows), than
    Django's geometry objects (767 ms) and than Python's round() (47 ms)."""

    template = "ROUND(%(function)s(%(expressions)s), " + str(MAP_PRECISION) + ")"
    output_field = FloatField()

    def as_postgresql(self, compiler, connection, **extra_context):
        # PostgreSQL rounds to decimals only numeric values (which would come back as Decimal).
        template = "ROUND(%(function)s(%(expressions)s)::numeric, " + str(MAP_PRECISION) + ")::float8"
        return self.as_sql(compiler, connection, template=template, **extra_context)


LON = Coordinate("location", function="ST_X")
LAT = Coordinate("location", function="ST_Y")


def _first_category():
    """An organisation's first field of activity in vocabulary order (its colour on the map)."""
    return Subquery(Category.objects.filter(organisations=OuterRef("pk"))
                    .order_by(*Category._meta.ordering).values("key")[:1])


def _organisation_features(selection):
    properties = _properties("organisation")
    rows = list(selection.queryset.order_by("pk").annotate(lon=LON, lat=LAT, category=_first_category())
                .values_list("pk", "lon", "lat", "category", "kind", "consent_publish_address", "planning_area_id"))
    hides = Organisation.hides_location
    selection.load_public_points(row[6] for row in rows if hides(row[4], row[5]))
    features = []
    for pk, lon, lat, category, kind, consent, area in rows:
        if hides(kind, consent):
            public = selection.points.get(area)
            lon, lat = ((round(public.lon, MAP_PRECISION), round(public.lat, MAP_PRECISION))
                        if public is not None else (None, None))
        if lon is not None:
            features.append(_feature(pk, lon, lat, properties(category)))
    return features


def _meeting_place_features(selection):
    properties = _properties("meeting_place")
    rows = (selection.queryset.order_by("pk").filter(location__isnull=False).annotate(lon=LON, lat=LAT)
            .values_list("pk", "lon", "lat", "place_type__key"))
    return [_feature(pk, lon, lat, properties(category)) for pk, lon, lat, category in rows]


def _properties(kind):
    """category → the properties of a feature of ``kind``: one dict per category, shared by its features."""
    shared = {}

    def properties(category):
        found = shared.get(category)
        if found is None:
            found = shared[category] = {"kind": kind, "category": category}
        return found
    return properties


def _feature(pk, lon, lat, properties):
    return {"type": "Feature", "id": pk, "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def map_layer(selection):
    """GeoJSON bytes of every entry of ``selection`` (atlas.directory.queries.Selection) that has a
    point to show, ordered by id; pages and ``page_size`` do not apply."""
    def build():
        if selection.model is Organisation:
            features = _organisation_features(selection)
        else:
            features = _meeting_place_features(selection)
        return orjson.dumps({"type": "FeatureCollection", "features": features})

    filters = selection.filters
    if selection.shared and filters.bbox is None and filters.near is None:
        return remembered(selection.model, "map-layer", filters.facts_key(), build)
    return build()
