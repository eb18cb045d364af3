"""Pages of the geodata: the accessible table of planning areas, the sources, and the layers' API."""

from django.urls import include, path

from geodata import views

app_name = "geodata"

urlpatterns = [
    path("planungsraeume/", views.PlanningAreaTableView.as_view(), name="planning-area-table"),
    path("quellen/", views.SourcesView.as_view(), name="sources"),
    path("api/", include("geodata.api.urls")),
]
