"""The planner's pages and the coverage API (included at the site root by config/urls.py)."""

from django.urls import include, path

from planning import api, method_page, planner, planner_figures, profiles, robust
from planning.transit.api import TransitAccessView

app_name = "planning"

api_patterns = ([
    path("coverage/", api.CoverageView.as_view(), name="coverage"),
    path("coverage.csv", api.CoverageCSVView.as_view(), {"format": "csv"}, name="coverage-csv"),
    path("coverage/what-if/", api.WhatIfView.as_view(), name="coverage-what-if"),
    path("transit-access/", TransitAccessView.as_view(), name="transit-access"),
    path("coverage/robust/", robust.RobustGapsView.as_view(), name="coverage-robust"),
], "api")

urlpatterns = [
    path("planung/", planner.PlannerView.as_view(), name="planner"),
    path("planung/methode/", method_page.MethodView.as_view(), name="method"),
    path("planung/zahlen/<str:key>/", planner_figures.PlannerFiguresView.as_view(), name="planner-figures"),
    path("ortsteile/", profiles.OrtsteilListView.as_view(), name="ortsteil-list"),
    path("ortsteile/<str:key>/", profiles.OrtsteilProfileView.as_view(), name="ortsteil-profile"),
    path("ortsteile/<str:key>/bericht/", profiles.OrtsteilReportView.as_view(), name="ortsteil-report"),
    path("ortsteile/<str:key>/bericht.pdf", profiles.OrtsteilReportPDFView.as_view(), name="ortsteil-report-pdf"),
    path("planungsraeume/<str:key>/", profiles.PlanningAreaProfileView.as_view(), name="planning-area-profile"),
    path("api/", include(api_patterns)),
]
