from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import coverage, views
from .docs import SwaggerDocsView
from .views import FormatNegotiation

app_name = "api"

# <str:…> path parameters: a malformed id or key reaches the view and gets its JSON 404, not Django's page.
urlpatterns = [
    path("ortsteile/", views.OrtsteilLayerView.as_view(), name="ortsteile"),
    path("planning-areas/", views.PlanningAreaLayerView.as_view(), name="planning-areas"),
    path("planning-areas/<str:key>/", views.PlanningAreaDetailView.as_view(), name="planning-area"),
    path("facilities/", views.FacilityLayerView.as_view(), name="facilities"),
    path("facilities/<str:pk>/", views.FacilityDetailView.as_view(), name="facility"),
    path("facility-types/", views.FacilityTypeListView.as_view(), name="facility-types"),
    path("housing-estates/", views.HousingEstateLayerView.as_view(), name="housing-estates"),
    path("sources/", views.SourceListView.as_view(), name="sources"),
    path("coverage/", coverage.CoverageView.as_view(), name="coverage"),
    path("coverage.csv", coverage.CoverageCSVView.as_view(), {"format": "csv"}, name="coverage-csv"),
    path("coverage/what-if/", coverage.WhatIfView.as_view(), name="coverage-what-if"),
    # ?format=json or yaml; another format is a 400.
    path("schema/", SpectacularAPIView.as_view(content_negotiation_class=FormatNegotiation), name="schema"),
    # Swagger UI without inline script or style, as the Content-Security-Policy demands.
    path("docs/", SwaggerDocsView.as_view(url_name="geodata:api:schema"), name="docs"),
]
