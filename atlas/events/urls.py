"""Pages of the events: list, archive, month view, detail, calendar feeds (included at the site root
by config/urls.py)."""

from django.urls import path, re_path

from atlas.events import views as events

app_name = "events"

urlpatterns = [
    path("veranstaltungen/", events.EventListView.as_view(), name="event-list"),
    path("veranstaltungen/archiv/", events.EventListView.as_view(archive=True), name="event-archive"),
    re_path(r"^veranstaltungen/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", events.EventMonthView.as_view(),
            name="event-month"),
    path("veranstaltungen/<slug:slug>/", events.EventDetailView.as_view(), name="event-detail"),
    path("veranstaltungen/<slug:slug>/kalender.ics", events.EventICalView.as_view(), name="event-ics"),
    path("events.ics", events.EventFeedView.as_view(), name="events-feed"),
]
