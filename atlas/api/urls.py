"""Directory API (included under /api/ by atlas/urls.py)."""

from django.urls import path

from atlas.api.geocode import GeocodeView

urlpatterns = [
    path("geocode/", GeocodeView.as_view(), name="api-geocode"),
]
