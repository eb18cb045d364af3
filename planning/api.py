"""Coverage-gap analysis API (E2SFCA, docs/coverage.md).

* ``GET /api/coverage/`` — GeoJSON per planning area (or ``level=ortsteil|housing_estate``) with
  access, gap score, rank and class, plus top-level ``parameters`` and ``computed_at``. The default
  parameters are served from the stored default run (recomputed first if data changed); any other
  parameters are computed on the fly and not stored.
* ``GET /api/coverage.csv`` or ``?format=csv`` / ``?format=geojson`` — the same as a download;
  ``?format=excel`` as a spreadsheet for German Excel (planning/downloads.py).
* ``POST /api/coverage/what-if/`` — access, gap and rank before/after adding hypothetical supply
  points; nothing is stored. CSRF is enforced for every caller (see ``CsrfEnforced``): the planner
  page sends the ``csrftoken`` cookie's value in an ``X-CSRFToken`` header.
"""

import csv
import io

import orjson
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.authentication import CSRFCheck
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from common.api import schema
from common.api.geojson import GeoJSONRenderer, feature, geojson_response
from common.api.views import FormatNegotiation, GeoJSONView, PublicView
from common.throttling import ClientRateThrottle
from planning import downloads
from planning.coverage import service, store
from planning.coverage.parameters import (
    CATCHMENT_RANGE,
    DEMAND_METHODS,
    GRID_RANGE,
    MSS_WEIGHT_RANGE,
    NEEDS,
    ParameterError,
    Parameters,
)
from planning.shapes import geometries

TAG = "coverage"
LEVELS = ("planning_area", "ortsteil", "housing_estate")
# Query/body name → Parameters field.
PARAMETER_NAMES = {"catchment": "catchment", "need": "need", "mss_weight": "mss_weight",
                   "supply_types": "supply_types", "demand": "demand", "grid": "grid_spacing"}
CSV_COLUMNS = ("key", "name", "ortsteil", "population", "need", "access", "relative_access", "gap_score", "rank",
               "class", "demand_points")


def parameters_from(values):
    """Parameters from query parameters; 400 with a readable message if invalid. An empty value is
    the default, as the schema says (allowEmptyValue)."""
    given = {field: values[name] for name, field in PARAMETER_NAMES.items()
             if name in values and values[name] not in (None, "")}
    return _parameters(given)


def body_parameters(data):
    """Parameters from a JSON body, each of the type WHAT_IF_REQUEST gives it (no null, no empty
    number); 400 with a readable message if invalid."""
    given = {}
    for name, field in PARAMETER_NAMES.items():
        if name not in data:
            continue
        value = data[name]
        if WHAT_IF_REQUEST["properties"][name]["type"] == "number":
            number(value, name)
        elif not isinstance(value, str):
            raise ParseError(_("%(name)s muss eine Zeichenkette sein.") % {"name": name})
        given[field] = value
    return _parameters(given)


def number(value, name):
    """A JSON number (not a boolean, not a string holding one), else 400."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ParseError(_("%(name)s muss eine Zahl sein, nicht „%(value)s“.")
                         % {"name": name, "value": str(value)[:40]})
    return value


def _parameters(given):
    try:
        return Parameters(**given)
    except ParameterError as error:
        raise ParseError(str(error)) from None


class CSVRenderer(JSONRenderer):
    """Selects the CSV download by ``Accept: text/csv``, ``?format=csv`` or ``coverage.csv``; the
    view writes the CSV itself, so this renders only error bodies (as JSON)."""

    media_type = "text/csv"
    format = "csv"


class ExcelCSVRenderer(CSVRenderer):
    """``?format=excel``: the table for German Excel (``;``, decimal commas, German headers, BOM)."""

    format = "excel"


def attachment(response, level, extension):
    response["Content-Disposition"] = f'attachment; filename="coverage-spandau-{level.replace("_", "-")}.{extension}"'
    return response


def csv_body(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda row: row["rank"]))
    return buffer.getvalue().encode("utf-8")


COVERAGE_PROPERTIES = {
    "key": schema.STRING, "name": schema.STRING, "ortsteil": schema.STRING, "ortsteil_key": schema.STRING,
    "population": schema.INTEGER, "need": {"type": "number", "description": "need-weighted residents P"},
    "access": {"type": "number", "description": "E2SFCA access A: supply per need-weighted resident"},
    "relative_access": {"type": "number", "description": "access / district reference (1 = average)"},
    "gap_score": {"type": "number", "description": "(need / max need) × exp(−relative_access), 0–1"},
    "rank": {"type": "integer", "description": "1 = largest gap (most need of networking)"},
    "class": {"type": "integer", "description": "1–5 by rank quintile, 5 = largest gaps"},
    "demand_points": schema.INTEGER,
}
COVERAGE_COLLECTION = {
    **schema.feature_collection(COVERAGE_PROPERTIES),
}
COVERAGE_COLLECTION["properties"] = {
    **COVERAGE_COLLECTION["properties"],
    "level": {"type": "string", "enum": list(LEVELS)},
    "parameters": {"type": "object", "additionalProperties": True},
    "computed_at": {"type": "string", "format": "date-time"},
    "stored": {"type": "boolean", "description": "served from the stored default run"},
    "reference_access": {"type": "number"},
    "supply_count": schema.INTEGER,
    "supply_counts": {"type": "object", "additionalProperties": schema.INTEGER},
    "demand_points": schema.INTEGER,
    "duration_ms": {"type": "number"},
}

def _range(low, high):
    return {"type": "number", "minimum": low, "maximum": high}


QUERY_PARAMETERS = [
    OpenApiParameter("catchment", _range(*CATCHMENT_RANGE),
                     description=f"Walking catchment d0 in metres (straight line), {CATCHMENT_RANGE[0]:g}–"
                                 f"{CATCHMENT_RANGE[1]:g}; default 1000. Zones at d0/2, 3d0/4, d0."),
    OpenApiParameter("need", OpenApiTypes.STR, enum=list(NEEDS),
                     description="Whom demand counts; default migration_background."),
    OpenApiParameter("mss_weight", _range(*MSS_WEIGHT_RANGE),
                     description="0–1; demand × (1 + mss_weight × (MSS status index − 1) / 3). Default 0."),
    OpenApiParameter("supply_types", OpenApiTypes.STR,
                     description="Comma-separated facility type keys counted as supply besides the directory, "
                                 "e.g. community_centre,library (see /api/facility-types/)."),
    OpenApiParameter("demand", OpenApiTypes.STR, enum=list(DEMAND_METHODS),
                     description="Demand points: grid clipped to the area (default) or the centroid."),
    OpenApiParameter("grid", _range(*GRID_RANGE),
                     description=f"Grid spacing in metres, {GRID_RANGE[0]:g}–{GRID_RANGE[1]:g}; default 250."),
]
LEVEL_PARAMETER = OpenApiParameter(
    "level", OpenApiTypes.STR, enum=list(LEVELS),
    description="Areas of the features: planning areas (default), Ortsteile or housing estates (aggregated "
                "need-weighted over demand points).",
)


class CoverageView(GeoJSONView):
    renderer_classes = [GeoJSONRenderer, JSONRenderer, CSVRenderer, ExcelCSVRenderer]
    content_negotiation_class = FormatNegotiation

    @extend_schema(
        tags=[TAG], operation_id="coverage_list",
        summary="Coverage gaps per planning area (E2SFCA)",
        description="Access to the directory's organisations and meeting places per planning area and the "
                    "gap score combining low access with high need; see docs/coverage.md. Default "
                    "parameters come from the stored run, others are computed on the fly. "
                    "`format=csv` (or /api/coverage.csv) and `format=geojson` download the table; "
                    "`format=excel` as a CSV for German Excel (`;`, decimal comma, German headers, "
                    "rounded, UTF-8 with BOM).",
        parameters=[
            *QUERY_PARAMETERS,
            LEVEL_PARAMETER,
            OpenApiParameter("format", OpenApiTypes.STR, enum=["geojson", "json", "csv", "excel"],
                             description="geojson, csv or excel: download as a file (Content-Disposition "
                                         "attachment)."),
        ],
        responses={(200, "application/geo+json"): COVERAGE_COLLECTION, (200, "application/json"): COVERAGE_COLLECTION,
                   (200, "text/csv"): OpenApiTypes.STR, 400: schema.ERROR},
    )
    def get(self, request, format=None):
        params = request.query_params
        parameters = parameters_from(params)
        level = params.get("level") or "planning_area"
        if level not in LEVELS:
            raise ParseError(_("level muss einer der Werte %(valid)s sein.") % {"valid": ", ".join(LEVELS)})

        if parameters.is_default:
            run = store.default_run()
            rows = store.result_rows(run) if level == "planning_area" else None
            aggregates = run.aggregates
            meta = {"computed_at": run.computed_at.isoformat(), "stored": True,
                    "reference_access": run.reference_access, "supply_count": run.supply_count,
                    "supply_counts": run.supply_counts, "demand_points": run.demand_points,
                    "duration_ms": run.duration_ms}
        else:
            try:
                computation = service.compute(parameters)
            except ParameterError as error:
                raise ParseError(str(error)) from None
            rows = computation.area_rows() if level == "planning_area" else None
            aggregates = computation.aggregates() if level != "planning_area" else {}
            meta = {"computed_at": timezone.now().isoformat(), "stored": False,
                    "reference_access": computation.reference, "supply_count": len(computation.supply),
                    "supply_counts": computation.supply.counts(), "demand_points": len(computation.demand),
                    "duration_ms": round(computation.duration_ms, 1)}
        if rows is None:
            rows = aggregates["ortsteile" if level == "ortsteil" else "housing_estates"]

        download = params.get("format") in ("geojson", "csv") or format == "csv"
        if request.accepted_renderer.format == "excel":
            response = HttpResponse(downloads.excel_csv(rows, level), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{downloads.excel_filename(level)}"'
            return response
        if request.accepted_renderer.format == "csv":
            return attachment(HttpResponse(csv_body(rows), content_type="text/csv; charset=utf-8"), level, "csv")
        shapes = geometries(level)
        body = orjson.dumps({
            "type": "FeatureCollection",
            "level": level,
            "parameters": parameters.as_dict(),
            **meta,
            "features": [feature(row["key"], shapes.get(str(row["key"])), row) for row in rows],
        })
        response = geojson_response(request, body, cache=False)
        return attachment(response, level, "geojson") if download else response


class CsrfEnforced:
    """DRF exempts its views from CSRF unless a session user is logged in; this keeps Django's check
    for anonymous callers too, so other sites cannot make browsers post here. Checked with the
    permissions, so a method the view lacks is a 405 first (common.api.views.MethodFirst)."""

    def check_permissions(self, request):
        check = CSRFCheck(lambda _request: None)
        django_request = request._request
        check.process_request(django_request)
        reason = check.process_view(django_request, None, (), {})
        if reason:
            raise PermissionDenied(_("CSRF-Prüfung fehlgeschlagen: %(reason)s") % {"reason": reason})
        super().check_permissions(request)


class WhatIfThrottle(ClientRateThrottle):
    """Per client address (the view looks up no session); the rate (settings.COVERAGE_WHAT_IF_THROTTLE)
    is read at request time."""

    scope = "coverage-what-if"

    def get_rate(self):
        return settings.COVERAGE_WHAT_IF_THROTTLE


WHAT_IF_REQUEST = {
    "type": "object",
    "required": ["points"],
    "properties": {
        "points": {"type": "array", "maxItems": service.MAX_WHAT_IF_POINTS,
                   "items": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
                   "description": "[[lon, lat], …] in WGS84, inside Spandau, at most 50."},
        "weight": {"type": "number", "default": 1, "exclusiveMinimum": True, "minimum": 0, "maximum": 100,
                   "description": "Supply weight S_j of each new point (0–100]."},
        "catchment": _range(*CATCHMENT_RANGE), "need": {"type": "string", "enum": list(NEEDS)},
        "mss_weight": _range(*MSS_WEIGHT_RANGE), "supply_types": {"type": "string"},
        "demand": {"type": "string", "enum": list(DEMAND_METHODS)}, "grid": _range(*GRID_RANGE),
    },
    # Any other field is a 400.
    "additionalProperties": False,
}
WHAT_IF_AREA = {"type": "object", "properties": {
    name: schema.STRING if name in ("key", "name", "ortsteil") else {"type": "number"}
    for name in ("key", "name", "ortsteil", "need", "access_before", "access_after", "gap_score_before",
                 "gap_score_after", "rank_before", "rank_after", "class_before", "class_after")
}}
WHAT_IF_RESPONSE = {"type": "object", "properties": {
    "parameters": {"type": "object", "additionalProperties": True},
    "weight": {"type": "number"},
    "points": {"type": "array", "items": {"type": "object", "properties": {
        "lon": {"type": "number"}, "lat": {"type": "number"}, "planning_area": schema.STRING}}},
    "reference_access": {"type": "number"},
    "areas": {"type": "array", "items": WHAT_IF_AREA},
    "duration_ms": {"type": "number"},
}}


class WhatIfView(CsrfEnforced, PublicView):
    throttle_classes = [WhatIfThrottle]

    @extend_schema(
        tags=[TAG], operation_id="coverage_what_if",
        summary="What if new places opened here? Access and gaps before and after (nothing is stored)",
        description="A read-only computation. CSRF protected: send the `csrftoken` cookie's value as "
                    "`X-CSRFToken` header (the atlas pages set the cookie).",
        request={"application/json": WHAT_IF_REQUEST},
        responses={200: WHAT_IF_RESPONSE, 400: schema.ERROR, 403: schema.ERROR, 429: schema.ERROR},
        examples=[OpenApiExample("One new meeting place", request_only=True,
                                 value={"points": [[13.2005, 52.5461]], "weight": 1, "catchment": 1000})],
    )
    def post(self, request):
        data = request.data
        if not isinstance(data, dict):
            raise ParseError(_("Erwartet wird ein JSON-Objekt mit points."))
        unknown = set(data) - set(PARAMETER_NAMES) - {"points", "weight"}
        if unknown:
            raise ParseError(_("Unbekannte Felder: %(names)s.") % {"names": ", ".join(sorted(map(str, unknown)))})
        parameters = body_parameters(data)
        try:
            answer = service.what_if(data.get("points"), number(data.get("weight", 1), "weight"), parameters)
        except ParameterError as error:
            raise ParseError(str(error)) from None
        return Response(answer)


class CoverageCSVView(CoverageView):
    """``/api/coverage.csv``: the same table as a CSV file, rows by rank."""

    @extend_schema(
        tags=[TAG], operation_id="coverage_csv",
        summary="Coverage gaps as a CSV download (rows by rank)",
        parameters=[*QUERY_PARAMETERS, LEVEL_PARAMETER],
        responses={(200, "text/csv"): OpenApiTypes.STR, 400: schema.ERROR},
    )
    def get(self, request, format="csv"):
        return super().get(request, format="csv")
