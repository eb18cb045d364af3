"""Public event pages (upcoming list, archive, month calendar, detail) and the iCalendar feeds.

Views stay thin: atlas.events.queries selects, atlas.events.ical writes the calendars."""

import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from atlas.directory.models import Language, PublicationStatus
from atlas.events import ical
from atlas.events.formatting import event_when, month_title
from atlas.events.models import Topic
from atlas.events.queries import (
    PAGE_SIZE,
    apply_filters,
    feed_events,
    month_bounds,
    month_weeks,
    parse_filters,
    public_events,
    shift_month,
)

MIN_YEAR, MAX_YEAR = 2000, 2100


def _with_when(events):
    events = list(events)
    for event in events:
        event.when = event_when(event)
    return events


def _query(pairs):
    return urlencode(pairs)


def _reverse_or_none(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


class FilteredEventsMixin:
    """The filter form, the feed link for the same filters and the filter errors."""

    def filter_context(self, filters):
        query = _query(filters.as_query())
        feed_path = reverse("events:events-feed") + (f"?{query}" if query else "")
        feed_url = self.request.build_absolute_uri(feed_path)
        return {
            "filters": filters,
            "filter_query": query,
            "topics": Topic.objects.all(),
            "languages": Language.objects.filter(
                Q(events__status=PublicationStatus.PUBLISHED) | Q(code__in=filters.languages)
            ).distinct().order_by("german_name"),
            "feed_url": feed_url,
            # The same address for calendar apps: webcal:// subscribes instead of downloading once.
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
            "current_month_url": reverse("events:event-month", kwargs=self._this_month()),
        }

    @staticmethod
    def _this_month():
        today = timezone.localdate()
        return {"year": f"{today.year:04d}", "month": f"{today.month:02d}"}


class EventListView(FilteredEventsMixin, TemplateView):
    """Upcoming (and running) events, soonest first; ``archive = True``: past events, latest first."""

    template_name = "events/event_list.html"
    archive = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = parse_filters(self.request.GET)
        events = apply_filters(public_events(), filters)
        events = events.past() if self.archive else events.upcoming()
        page = Paginator(events, PAGE_SIZE).get_page(self.request.GET.get("page"))
        page.object_list = _with_when(page.object_list)
        context.update(self.filter_context(filters))
        context.update({"page": page, "events": page.object_list, "archive": self.archive})
        return context


class EventMonthView(FilteredEventsMixin, TemplateView):
    template_name = "events/event_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, month = int(kwargs["year"]), int(kwargs["month"])
        if not (1 <= month <= 12 and MIN_YEAR <= year <= MAX_YEAR):
            raise Http404(_("Diesen Monat gibt es im Kalender nicht."))
        filters = parse_filters(self.request.GET)
        start, end = month_bounds(year, month)
        events = _with_when(apply_filters(public_events(), filters).overlapping(start, end).order_by("start", "title"))
        query = _query(filters.as_query())

        def month_url(delta):
            other_year, other_month = shift_month(year, month, delta)
            if not MIN_YEAR <= other_year <= MAX_YEAR:
                return None
            url = reverse("events:event-month", kwargs={"year": f"{other_year:04d}", "month": f"{other_month:02d}"})
            return {"url": url + (f"?{query}" if query else ""), "title": month_title(other_year, other_month)}

        context.update(self.filter_context(filters))
        context.update({
            "month_title": month_title(year, month),
            "weeks": month_weeks(year, month, events),
            "weekdays": _weekdays(),
            "events": events,
            "previous_month": month_url(-1),
            "next_month": month_url(1),
        })
        return context


def _weekdays():
    """Monday to Sunday: full and short names in the active language."""
    monday = datetime.date(2024, 1, 1)
    days = [monday + datetime.timedelta(days=offset) for offset in range(7)]
    return [{"name": formats.date_format(day, "l"), "short": formats.date_format(day, "D")} for day in days]


class EventDetailView(TemplateView):
    template_name = "events/event_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = get_object_or_404(public_events(), slug=kwargs["slug"])
        place = event.meeting_place
        place_url = None
        if place is not None and place.status == PublicationStatus.PUBLISHED:
            place_url = _reverse_or_none("atlas:meeting-place-detail", slug=place.slug)
        organiser_url = None
        if event.organiser_id and event.organiser.status == PublicationStatus.PUBLISHED:
            organiser_url = _reverse_or_none("atlas:organisation-detail", slug=event.organiser.slug)
        context.update({
            "event": event,
            "when": event_when(event),
            "place_url": place_url,
            "organiser_url": organiser_url,
            "topics": list(event.topics.all()),
            "languages": list(event.languages.all()),
            "ics_url": reverse("events:event-ics", kwargs={"slug": event.slug}),
            "permalink": absolute_url(self.request, event),
        })
        return context


def absolute_url(request, event):
    return request.build_absolute_uri(event.get_absolute_url())


class EventICalView(View):
    """One event as an .ics file, to add it to one's own calendar."""

    def get(self, request, slug):
        event = get_object_or_404(public_events(), slug=slug)
        body = ical.build_calendar([event], event.title, lambda item: absolute_url(request, item))
        return ical.calendar_response(body, f"{event.slug}.ics", attachment=True)


class EventFeedView(View):
    """The subscribable feed: published events, upcoming and recent, with the same filters as the pages."""

    def get(self, request):
        filters = parse_filters(request.GET)
        if filters.errors:
            return HttpResponse(" ".join(filters.errors.values()), status=400, content_type="text/plain; charset=utf-8")
        events = feed_events(filters)
        name = _("MigrAktiv Atlas Spandau – Veranstaltungen")
        if filters.topics:
            topic_names = Topic.objects.filter(key__in=filters.topics).values_list("name", flat=True)
            name = f"{name} ({', '.join(topic_names)})"
        body = ical.build_calendar(events, name, lambda event: absolute_url(request, event))
        return ical.calendar_response(body, "migraktiv-veranstaltungen.ics")
