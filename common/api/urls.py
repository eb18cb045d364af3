"""The API's own description: the OpenAPI schema and its Swagger UI (included under /api/ by config/urls.py)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from common.api.docs import SwaggerDocsView
from common.api.views import FormatNegotiation

urlpatterns = [
    # ?format=json or yaml; another format is a 400.
    path("schema/", SpectacularAPIView.as_view(content_negotiation_class=FormatNegotiation), name="api-schema"),
    # Swagger UI without inline script or style, as the Content-Security-Policy demands.
    path("docs/", SwaggerDocsView.as_view(url_name="api-schema"), name="api-docs"),
]
