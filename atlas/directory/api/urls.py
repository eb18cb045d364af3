"""Directory API (included under /api/ by config/urls.py)."""

from django.urls import path

from atlas.directory.api import views as directory

# <str:…> rather than <slug:…>: a malformed slug reaches the view and gets its JSON 404, not Django's page.
urlpatterns = [
    path("organisations/", directory.OrganisationListView.as_view(), name="api-organisations"),
    path("organisations/<str:slug>/", directory.OrganisationDetailView.as_view(), name="api-organisation"),
    path("meeting-places/", directory.MeetingPlaceListView.as_view(), name="api-meeting-places"),
    path("meeting-places/<str:slug>/", directory.MeetingPlaceDetailView.as_view(), name="api-meeting-place"),
    path("map/organisations/", directory.OrganisationMapLayerView.as_view(), name="api-organisations-map"),
    path("map/meeting-places/", directory.MeetingPlaceMapLayerView.as_view(), name="api-meeting-places-map"),
    path("categories/", directory.CategoryListView.as_view(), name="api-categories"),
    path("languages/", directory.LanguageListView.as_view(), name="api-languages"),
    path("target-groups/", directory.TargetGroupListView.as_view(), name="api-target-groups"),
    path("meeting-place-types/", directory.MeetingPlaceTypeListView.as_view(), name="api-meeting-place-types"),
]
