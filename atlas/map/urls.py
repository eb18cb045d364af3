"""The map, the residents' home (included at the site root by config/urls.py)."""

from django.urls import path

from atlas.map import views

app_name = "map"

urlpatterns = [
    path("", views.MapView.as_view(), name="map"),
]
