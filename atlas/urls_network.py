"""Pages of the network: events with their calendar feeds, and the resources library (included at
the site root by atlas/urls.py)."""

from django.conf import settings
from django.conf.urls.static import static
from django.urls import path, re_path

from .events import views as events
from .resources import views as resources

app_name = "network"

urlpatterns = [
    path("veranstaltungen/", events.EventListView.as_view(), name="event-list"),
    path("veranstaltungen/archiv/", events.EventListView.as_view(archive=True), name="event-archive"),
    re_path(r"^veranstaltungen/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", events.EventMonthView.as_view(),
            name="event-month"),
    path("veranstaltungen/<slug:slug>/", events.EventDetailView.as_view(), name="event-detail"),
    path("veranstaltungen/<slug:slug>/kalender.ics", events.EventICalView.as_view(), name="event-ics"),
    path("events.ics", events.EventFeedView.as_view(), name="events-feed"),
    path("ressourcen/", resources.ResourceListView.as_view(), name="resource-list"),
    path("ressourcen/<slug:slug>/", resources.ResourceDetailView.as_view(), name="resource-detail"),
    path("ressourcen/<slug:slug>/download/", resources.ResourceDownloadView.as_view(), name="resource-download"),
]

# Uploaded files under MEDIA_URL during development only (static() adds nothing unless DEBUG is on).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
