"""Base views of the read-only API: open data, methods checked first, GeoJSON bytes sent as they are.

Views are DRF APIViews for content negotiation, error bodies and the OpenAPI schema; GeoJSON
bodies bypass DRF's renderers because orjson has already produced them.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import MethodNotAllowed, ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from common.api.geojson import GeoJSONRenderer


class MethodFirst:
    """A method the view has no handler for is a 405 with an ``Allow`` header before anything else:
    DRF would first authenticate, check permissions and CSRF, and answer 403 to a PUT or DELETE."""

    def initial(self, request, *args, **kwargs):
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)


class FormatNegotiation(DefaultContentNegotiation):
    """For views that document ``?format=`` (settings leave it an ordinary parameter elsewhere): it
    picks the renderer by format name; a format the view does not have is a 400."""

    def select_renderer(self, request, renderers, format_suffix=None):
        wanted = format_suffix or request.query_params.get("format")
        formats = [renderer.format for renderer in renderers]
        if wanted and wanted not in formats:
            raise ParseError(_("format muss einer der Werte %(valid)s sein.") % {"valid": ", ".join(formats)})
        return super().select_renderer(request, renderers, format_suffix=wanted)


class PublicView(MethodFirst, APIView):
    """Open data: anyone may read, and no session is looked up."""

    permission_classes = [AllowAny]
    authentication_classes = []
    renderer_classes = [JSONRenderer]


class GeoJSONView(PublicView):
    renderer_classes = [GeoJSONRenderer, JSONRenderer]

    def handle_exception(self, exc):
        # An error body is no GeoJSON, whatever the client asked for.
        response = super().handle_exception(exc)
        response.content_type = JSONRenderer.media_type
        return response
