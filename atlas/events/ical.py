"""iCalendar (RFC 5545) for events, built with the icalendar library: the subscribable feed
/events.ics and one file per event for "add to my calendar".

Times are written in UTC (``…Z``), so no VTIMEZONE block is needed; X-WR-TIMEZONE tells calendar
apps to show them in Berlin time. UIDs are stable (``<slug>@migraktiv-atlas``) so that a client
updates an event rather than duplicating it when the feed changes.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

UID_DOMAIN = "migraktiv-atlas"
PRODID = "-//MigrAktiv Atlas Spandau//Veranstaltungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"
FEED_CACHE_CONTROL = "public, max-age=300"


def event_uid(event):
    return f"{event.slug}@{UID_DOMAIN}"


def _utc(value):
    return value.astimezone(datetime.UTC)


def _description(event, absolute_url):
    parts = []
    if event.is_sample:
        parts.append(_("Beispiel/Sample – keine echte Veranstaltung."))
    if event.description:
        parts.append(event.description)
    if event.organiser_label:
        parts.append(_("Veranstalter: %(name)s") % {"name": event.organiser_label})
    if event.registration_url:
        parts.append(_("Anmeldung: %(url)s") % {"url": event.registration_url})
    parts.append(absolute_url)
    return "\n\n".join(parts)


def vevent(event, absolute_url, stamp):
    component = VEvent()
    component.add("uid", event_uid(event))
    # With METHOD:PUBLISH, DTSTAMP is when this calendar was written (RFC 5545, 3.8.7.2).
    component.add("dtstamp", stamp)
    component.add("last-modified", _utc(event.updated))
    component.add("dtstart", _utc(event.start))
    component.add("dtend", _utc(event.end))
    summary = event.title
    if event.is_sample:
        summary = _("%(title)s (Beispiel/Sample)") % {"title": summary}
    component.add("summary", summary)
    component.add("description", _description(event, absolute_url))
    if event.location_text:
        component.add("location", event.location_text)
    point = event.point
    if point is not None:
        component.add("geo", (round(point.y, 6), round(point.x, 6)))
    component.add("url", absolute_url)
    topics = [topic.name for topic in event.topics.all()]
    if topics:
        component.add("categories", topics)
    component.add("class", "PUBLIC")
    return component


def build_calendar(events, name, absolute_url):
    """``absolute_url(event)`` → the event's page as an absolute URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    stamp = _utc(timezone.now()).replace(microsecond=0)
    for event in events:
        calendar.add_component(vevent(event, absolute_url(event), stamp))
    return calendar.to_ical()


def calendar_response(body, filename, attachment=False):
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = FEED_CACHE_CONTROL
    return response
