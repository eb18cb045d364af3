"""Read-only API views: validate parameters, ask ``layers`` for the features, send the bytes.

Views are DRF APIViews for content negotiation, error bodies and the OpenAPI schema; GeoJSON
bodies bypass DRF's renderers because orjson has already produced them.
"""

import orjson
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.response import Response

from common.api import schema
from common.api.geojson import feature_collection, geojson_response
from common.api.params import Parameters, bbox, integer, point, vocabulary
from common.api.views import GeoJSONView, PublicView
from geodata import transit
from geodata.api import layers
from geodata.api import schema as geodata_schema
from geodata.models import Facility, FacilityType, Ortsteil, TransitStop

TAG = "geodata"
FACILITY_PARAMETERS = Parameters({"type": vocabulary(FacilityType), "ortsteil": vocabulary(Ortsteil), "bbox": bbox})
TRANSIT_PARAMETERS = Parameters(
    {"bbox": bbox, "near": point, "limit": integer(1, transit.MAX_LIMIT)},
    requires={"limit": ("near", _("limit gilt nur zusammen mit near."))},
)


class OrtsteilLayerView(GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="ortsteile_list",
        summary="Ortsteile with residents and shares",
        responses={200: schema.feature_collection(schema.ORTSTEIL)},
    )
    def get(self, request):
        return geojson_response(request, feature_collection(layers.ortsteil_features()))


class PlanningAreaLayerView(GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="planning_areas_list",
        summary="LOR planning areas with population, social monitoring and housing figures",
        description="Figures are null where a source has no record for the area; MSS indices are null "
                    "where the MSS marks the area invalid (under 300 residents).",
        responses={200: schema.feature_collection(schema.PLANNING_AREA)},
    )
    def get(self, request):
        return geojson_response(request, feature_collection(layers.planning_area_features()))


class PlanningAreaDetailView(GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="planning_areas_retrieve",
        summary="One planning area with all figures and their sources",
        responses={200: schema.feature(schema.PLANNING_AREA_DETAIL), 404: schema.ERROR},
    )
    def get(self, request, key):
        found = layers.planning_area_detail(key)
        if found is None:
            raise NotFound(_("Unbekannter Planungsraum „%(key)s“.") % {"key": key})
        return geojson_response(request, orjson.dumps(found))


class FacilityLayerView(GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="facilities_list",
        summary="Facilities as a slim map layer (id, name, type)",
        parameters=[schema.TYPE_PARAMETER, schema.BBOX_PARAMETER, schema.ORTSTEIL_PARAMETER],
        responses={200: schema.feature_collection(schema.FACILITY, schema.INTEGER), 400: schema.ERROR},
    )
    def get(self, request):
        values = FACILITY_PARAMETERS.parse(request.query_params)
        facilities = Facility.objects.all()
        if values["type"]:
            facilities = facilities.filter(facility_type__key__in=values["type"])
        if values["ortsteil"]:
            facilities = facilities.filter(ortsteil__key__in=values["ortsteil"])
        if values["bbox"] is not None:
            facilities = facilities.filter(geom__intersects=values["bbox"])
        return geojson_response(request, feature_collection(layers.facility_features(facilities)))


class FacilityDetailView(GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="facilities_retrieve",
        summary="One facility with all its fields and its source",
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: schema.feature(schema.FACILITY_DETAIL, schema.INTEGER), 404: schema.ERROR},
    )
    def get(self, request, pk):
        found = layers.facility_detail(int(pk)) if pk.isascii() and pk.isdigit() else None
        if found is None:
            raise NotFound(_("Unbekannte Einrichtung %(id)s.") % {"id": pk})
        return geojson_response(request, orjson.dumps(found))


class FacilityTypeListView(PublicView):
    @extend_schema(
        tags=[TAG], operation_id="facility_types_list",
        summary="Facility types with their map colour and number of facilities",
        responses={200: schema.FACILITY_TYPES},
    )
    def get(self, request):
        return Response(layers.facility_type_list())


class TransitStopLayerView(GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="transit_stops_list",
        summary="Public-transport stops (VBB) as a map layer, or the stops nearest to a point",
        description="Without near: every stop in Spandau and within 1.5 km of it (optionally within bbox), one "
                    "point per name (a station's platforms and stop points share its name): the one with the "
                    "most departures. "
                    "With near: " + geodata_schema.NEAR_STOPS["description"],
        parameters=[schema.BBOX_PARAMETER, geodata_schema.NEAR_PARAMETER, geodata_schema.LIMIT_PARAMETER],
        responses={200: geodata_schema.TRANSIT_STOPS, 400: schema.ERROR},
    )
    def get(self, request):
        values = TRANSIT_PARAMETERS.parse(request.query_params)
        if values["near"] is None:
            stops = TransitStop.objects.filter(main_point=True)
            if values["bbox"] is not None:
                stops = stops.filter(geom__intersects=values["bbox"])
            return geojson_response(request, feature_collection(layers.transit_stop_features(stops)))
        if values["bbox"] is not None:
            raise ParseError(_("bbox und near schließen einander aus."))
        stops = transit.nearest_stops(values["near"], values["limit"] or transit.DEFAULT_LIMIT)
        return geojson_response(request, feature_collection(layers.near_stop_feature(stop) for stop in stops))


class HousingEstateLayerView(GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="housing_estates_list",
        summary="Large housing estates (Großwohnsiedlungen)",
        responses={200: schema.feature_collection(schema.HOUSING_ESTATE, schema.INTEGER)},
    )
    def get(self, request):
        return geojson_response(request, feature_collection(layers.housing_estate_features()))


class SourceListView(PublicView):
    @extend_schema(
        tags=[TAG], operation_id="sources_list",
        summary="Data sources with licence and the attribution to show",
        responses={200: schema.SOURCES},
    )
    def get(self, request):
        return Response(layers.source_list())
