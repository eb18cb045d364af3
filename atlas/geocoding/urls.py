"""The geocoder's API (included at the site root by config/urls.py)."""

from django.urls import path

from atlas.geocoding.api import GeocodeView

urlpatterns = [
    path("api/geocode/", GeocodeView.as_view(), name="api-geocode"),
]
