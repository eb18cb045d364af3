from django.urls import include, path

from . import views

app_name = "geodata"

urlpatterns = [
    path("", views.MapView.as_view(), name="map"),
    path("planungsraeume/", views.PlanningAreaTableView.as_view(), name="planning-area-table"),
    path("quellen/", views.SourcesView.as_view(), name="sources"),
    path("api/", include("geodata.api.urls")),
]
