"""Public pages of the directory (included at the site root by config/urls.py)."""

from django.urls import path

from atlas.directory import views
from atlas.directory.placing import views as placing

app_name = "atlas"

urlpatterns = [
    path("organisationen/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
    path("treffpunkte/<slug:slug>/", views.MeetingPlaceDetailView.as_view(), name="meeting-place-detail"),
    path("verzeichnis/", views.DirectoryListView.as_view(), name="directory"),
    path("embed/", views.EmbedView.as_view(), name="embed"),
    path("lage-setzen/", placing.QueueView.as_view(), name="placing"),
    path("lage-setzen/<str:kind>/<int:pk>/", placing.PlaceView.as_view(), name="place-entry"),
]
