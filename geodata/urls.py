from django.urls import include, path

from . import views

app_name = "geodata"

urlpatterns = [
    path("", views.MapView.as_view(), name="map"),
    path("planungsraeume/", views.PlanningAreaTableView.as_view(), name="planning-area-table"),
    path("quellen/", views.SourcesView.as_view(), name="sources"),
    path("api/", include("geodata.api.urls")),
]

# Planner view, profiles and reports (geodata/pages/).
from .pages import planner, profiles  # noqa: E402

urlpatterns += [
    path("planung/", planner.PlannerView.as_view(), name="planner"),
    path("planung/zahlen/<str:key>/", planner.PlannerFiguresView.as_view(), name="planner-figures"),
    path("ortsteile/", profiles.OrtsteilListView.as_view(), name="ortsteil-list"),
    path("ortsteile/<str:key>/", profiles.OrtsteilProfileView.as_view(), name="ortsteil-profile"),
    path("ortsteile/<str:key>/bericht/", profiles.OrtsteilReportView.as_view(), name="ortsteil-report"),
    path("ortsteile/<str:key>/bericht.pdf", profiles.OrtsteilReportPDFView.as_view(), name="ortsteil-report-pdf"),
    path("planungsraeume/<str:key>/", profiles.PlanningAreaProfileView.as_view(), name="planning-area-profile"),
]
