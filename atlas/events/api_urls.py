"""The events' API: the map layer (included at the site root by config/urls.py, not namespaced)."""

from django.urls import path

from atlas.events.api import EventLayerView

urlpatterns = [
    path("api/events/", EventLayerView.as_view(), name="api-events"),
]
