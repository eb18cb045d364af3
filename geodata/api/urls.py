from django.urls import path

from geodata.api import views

app_name = "api"

# <str:…> path parameters: a malformed id or key reaches the view and gets its JSON 404, not Django's page.
urlpatterns = [
    path("ortsteile/", views.OrtsteilLayerView.as_view(), name="ortsteile"),
    path("planning-areas/", views.PlanningAreaLayerView.as_view(), name="planning-areas"),
    path("planning-areas/<str:key>/", views.PlanningAreaDetailView.as_view(), name="planning-area"),
    path("facilities/", views.FacilityLayerView.as_view(), name="facilities"),
    path("facilities/<str:pk>/", views.FacilityDetailView.as_view(), name="facility"),
    path("facility-types/", views.FacilityTypeListView.as_view(), name="facility-types"),
    path("transit-stops/", views.TransitStopLayerView.as_view(), name="transit-stops"),
    path("housing-estates/", views.HousingEstateLayerView.as_view(), name="housing-estates"),
    path("sources/", views.SourceListView.as_view(), name="sources"),
]
