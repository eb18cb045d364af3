"""GET /api/geocode/?q=… – free-text address or place in Berlin-Spandau → point, precision, areas."""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from atlas.geocoding.result import GEOCODED_PRECISIONS
from atlas.geocoding.service import MAX_QUERY_LENGTH, geocode
from common.api.views import MethodFirst
from common.throttling import ClientRateThrottle


class GeocodeThrottle(ClientRateThrottle):
    """Per signed-in user, otherwise per client address; the rate (settings.GEOCODER_API_THROTTLE) is
    read at request time."""

    scope = "geocode"

    def get_rate(self):
        return settings.GEOCODER_API_THROTTLE


def _area(name):
    return inline_serializer(name, fields={"key": serializers.CharField(), "name": serializers.CharField()},
                             allow_null=True)


GEOCODE_RESPONSE = inline_serializer("GeocodeResult", fields={
    "point": inline_serializer("GeocodePoint", fields={"lon": serializers.FloatField(),
                                                       "lat": serializers.FloatField()}),
    "precision": serializers.ChoiceField(choices=GEOCODED_PRECISIONS),
    "planning_area": _area("GeocodePlanningArea"),
    "ortsteil": _area("GeocodeOrtsteil"),
    "label": serializers.CharField(),
    "provider": serializers.CharField(),
})
# Python's \S, as str.strip() sees blanks: a q of blanks only is a 400.
QUERY = {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH, "pattern": r"\S"}
DETAIL = inline_serializer("GeocodeError", fields={"detail": serializers.CharField()})


def _pair(key, name):
    return {"key": key, "name": name} if key else None


class GeocodeView(MethodFirst, APIView):
    permission_classes = [AllowAny]
    throttle_classes = [GeocodeThrottle]

    @extend_schema(
        summary="Adresse oder Ort in Spandau suchen (Geocoding)",
        description=(
            "Geocodes a free-text address or place name in Berlin-Spandau. `precision` says what the point "
            "means: `exact` (a named place), `address` (a facility at that address), `street` (interpolated "
            "along the street), `planning_area` or `ortsteil` (representative point of that area). "
            "`planning_area`/`ortsteil` are null when unknown (an Ortsteil result has no planning area)."
        ),
        parameters=[OpenApiParameter("q", QUERY, OpenApiParameter.QUERY, required=True,
                                     description=f"Address or place, at most {MAX_QUERY_LENGTH} characters and "
                                                 "not only blanks, e.g. `Carl-Schurz-Str. 31, 13597 Berlin`.")],
        responses={
            200: GEOCODE_RESPONSE,
            400: OpenApiResponse(DETAIL, description="q missing, empty or too long"),
            404: OpenApiResponse(DETAIL, description="nothing found in Spandau"),
            429: OpenApiResponse(DETAIL, description="too many searches from this client; see Retry-After"),
            503: OpenApiResponse(DETAIL, description="every geocoding service that could answer is down"),
        },
        tags=["geocoding"],
    )
    def get(self, request):
        # The length as sent, the blanks around it included, as QUERY states it.
        query = request.query_params.get("q", "")
        if len(query) > MAX_QUERY_LENGTH:
            return Response({"detail": _("Die Suche darf höchstens %(max)d Zeichen lang sein.")
                             % {"max": MAX_QUERY_LENGTH}}, status=status.HTTP_400_BAD_REQUEST)
        query = query.strip()
        if not query:
            return Response({"detail": _("Bitte eine Adresse oder einen Ort im Parameter q angeben.")},
                            status=status.HTTP_400_BAD_REQUEST)
        result = geocode(query)
        if result.unavailable:
            return Response({"detail": _("Der Geocoding-Dienst ist gerade nicht erreichbar. Bitte später "
                                         "noch einmal versuchen.")}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        if not result:
            return Response({"detail": _("Keine passende Adresse und kein passender Ort in Spandau gefunden.")},
                            status=status.HTTP_404_NOT_FOUND)
        return Response({
            "point": {"lon": result.lon, "lat": result.lat},
            "precision": result.precision,
            "planning_area": _pair(result.planning_area_key, result.planning_area_name),
            "ortsteil": _pair(result.ortsteil_key, result.ortsteil_name),
            "label": result.label,
            "provider": result.provider,
        })
