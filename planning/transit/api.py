"""``GET /api/transit-access/``: how well residents reach public transport, per planning area (or
``level=ortsteil``), as GeoJSON for a choropleth: the figures of planning/transit/access.py, the indicator's
classes (the map's legend) and the district's figures for comparison."""

import orjson
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ParseError

from common.api import schema
from common.api.geojson import feature, geojson_response
from common.api.views import GeoJSONView
from planning.shapes import geometries
from planning.transit import access

LEVELS = ("planning_area", "ortsteil")
NULLABLE_NUMBER = {"type": "number", "nullable": True}
FIGURES = {
    "transit_access": {**NULLABLE_NUMBER, "description": "% of residents well served, weighted by service: mean of "
                                                         "min(1, departures in reach / those of a U-Bahn station)"},
    "transit_reach": {**NULLABLE_NUMBER, "description": "% of residents with a stop within 300 m (bus) or a station "
                                                        "within 600 m (S-Bahn, U-Bahn, regional train)"},
    "rail_distance_m": {"type": "integer", "nullable": True,
                        "description": "median straight-line distance to the nearest rail station, metres"},
    "service": {**NULLABLE_NUMBER, "description": "mean weighted arrivals and departures in reach (vbb-stations)"},
}
PROPERTIES = {"key": schema.STRING, "name": schema.STRING, "ortsteil": schema.STRING, "ortsteil_key": schema.STRING,
              "residents": schema.INTEGER, "demand_points": schema.INTEGER, **FIGURES}
COLLECTION = schema.feature_collection(PROPERTIES)
COLLECTION["properties"] = {
    **COLLECTION["properties"],
    "level": {"type": "string", "enum": list(LEVELS)},
    "indicator": {"type": "object", "additionalProperties": True,
                  "description": "key, label, unit, source_note and classes [{min, max, colour, label}] for the map"},
    "district": {"type": "object", "properties": FIGURES},
    "parameters": {"type": "object", "additionalProperties": True},
}


class TransitAccessView(GeoJSONView):
    @extend_schema(
        tags=["coverage"], operation_id="transit_access_list",
        summary="Access to public transport per planning area or Ortsteil",
        description="On the demand points of the coverage analysis (250 m grid, residents spread evenly): "
                    "stops within 300 m (bus) or 600 m (S-Bahn, U-Bahn, regional train), straight line, weighted by "
                    "their arrivals and departures (VBB timetable via vbb-stations). See docs/coverage.md.",
        parameters=[OpenApiParameter("level", OpenApiTypes.STR, enum=list(LEVELS),
                                     description="planning_area (default) or ortsteil")],
        responses={(200, "application/geo+json"): COLLECTION, (200, "application/json"): COLLECTION,
                   400: schema.ERROR},
    )
    def get(self, request, format=None):
        level = request.query_params.get("level") or "planning_area"
        if level not in LEVELS:
            raise ParseError(_("level muss einer der Werte %(valid)s sein.") % {"valid": ", ".join(LEVELS)})
        figures = access.figures()
        shapes = geometries(level)
        body = orjson.dumps({
            "type": "FeatureCollection",
            "level": level,
            "indicator": access.indicator_definition(),
            "district": figures["district"],
            "parameters": {"bus_radius_m": access.BUS_RADIUS_M, "rail_radius_m": access.RAIL_RADIUS_M,
                           "reference_weight": figures["reference"]},
            "features": [feature(row["key"], shapes.get(row["key"]), row) for row in figures[level]],
        })
        return geojson_response(request, body)
