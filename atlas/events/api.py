"""GET /api/events/ – published events with a location as GeoJSON, for the map.

An event's point is its own, else that of its meeting place. Without ``from`` the layer holds the
events that have not ended yet. Errors are ``{"detail": …}`` with status 400.
"""

import datetime

import orjson
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ParseError

from atlas.directory.models import Language
from atlas.events.models import Event, Topic
from common.api import schema
from common.api.geojson import COORDINATE_PRECISION, geojson_response
from common.api.params import BLANKS, bbox_polygon, key_list
from common.api.views import GeoJSONView
from common.queries import linked_to

TAG = "events"
EVENTS_CACHE_CONTROL = "public, max-age=60"

EVENT = {
    "id": schema.INTEGER, "slug": schema.STRING, "title": schema.STRING, "kind": schema.STRING,
    "start": {"type": "string", "format": "date-time", "description": "ISO 8601 with the Berlin offset."},
    "end": {"type": "string", "format": "date-time"},
    "topics": schema.STRING_LIST, "languages": schema.STRING_LIST,
    "place": {"type": "string", "description": "Name of the meeting place, empty for an address of its own."},
    "address": schema.STRING, "organiser": schema.STRING, "registration_url": schema.STRING,
    "is_sample": schema.BOOLEAN, "url": schema.STRING,
}

PARAMETERS = [
    OpenApiParameter("topic", OpenApiTypes.STR,
                     description="One or several comma-separated topic keys, e.g. fundraising,networking; "
                                 "an unknown key gives 400 listing the valid ones."),
    OpenApiParameter("language", OpenApiTypes.STR,
                     description="One or several comma-separated language codes (ISO 639), e.g. tr,ar."),
    OpenApiParameter("from", OpenApiTypes.STR,
                     description="Date (YYYY-MM-DD, from the start of that day in Berlin) or ISO 8601 date-time: "
                                 "events ending at or after it. Default: now, i.e. upcoming and running events."),
    OpenApiParameter("to", OpenApiTypes.STR,
                     description="Date (YYYY-MM-DD, up to the end of that day in Berlin) or ISO 8601 date-time: "
                                 "events starting before it."),
    OpenApiParameter("bbox", OpenApiTypes.STR,
                     description="minlon,minlat,maxlon,maxlat in WGS84 degrees; only events inside."),
]


def parse_instant(value, parameter, end_of_day=False):
    """A date (start or end of that day in Berlin) or a date-time (naive means Berlin) → aware datetime."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        day = parse_date(value)
        instant = None if day else parse_datetime(value)
    except ValueError:
        day = instant = None
    if day is not None:
        if end_of_day:
            day += datetime.timedelta(days=1)
        return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=timezone.get_default_timezone())
    if instant is None:
        raise ParseError(_("%(parameter)s erwartet ein Datum (JJJJ-MM-TT) oder einen Zeitpunkt nach ISO 8601, "
                           "nicht „%(value)s“.") % {"parameter": parameter, "value": value})
    if timezone.is_naive(instant):
        instant = timezone.make_aware(instant, timezone.get_default_timezone())
    return instant


def _detail_url_template():
    try:
        return reverse("events:event-detail", kwargs={"slug": "SLUG"}).replace("SLUG", "{slug}")
    except NoReverseMatch:
        return ""


class EventLayerView(GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="events_list",
        summary="Published events with a location as GeoJSON (upcoming unless from/to say otherwise)",
        description="The point is the event's own location, else that of its meeting place. Events without "
                    "either are left out. Sorted by start.",
        parameters=PARAMETERS,
        responses={200: schema.feature_collection(EVENT, schema.INTEGER), 400: schema.ERROR},
    )
    def get(self, request):
        params = request.query_params
        events = Event.objects.published()
        # key_list gives None for blanks and commas only (``?topic=%20``): no filter, as for an empty value.
        if params.get("topic", "").strip(BLANKS):
            keys = key_list(params["topic"], set(Topic.objects.values_list("key", flat=True)), "topic")
            events = events if keys is None else events.filter(linked_to(Event, "topics", keys, "key"))
        if params.get("language", "").strip(BLANKS):
            codes = key_list(params["language"], set(Language.objects.values_list("code", flat=True)), "language")
            events = events if codes is None else events.filter(linked_to(Event, "languages", codes, "code"))
        since = parse_instant(params.get("from"), "from")
        until = parse_instant(params.get("to"), "to", end_of_day=True)
        if since is not None and until is not None and since >= until:
            raise ParseError(_("from muss vor to liegen."))
        events = events.filter(end__gte=since or timezone.now())
        if until is not None:
            events = events.filter(start__lt=until)
        events = events.filter(Q(location__isnull=False) | Q(meeting_place__location__isnull=False))
        bbox = bbox_polygon(params.get("bbox"))
        if bbox is not None:
            events = events.filter(Q(location__intersects=bbox)
                                   | Q(location__isnull=True, meeting_place__location__intersects=bbox))
        events = (events.select_related("meeting_place", "organiser")
                  .prefetch_related("topics", "languages")
                  .annotate(own_geojson=AsGeoJSON("location", precision=COORDINATE_PRECISION),
                            place_geojson=AsGeoJSON("meeting_place__location", precision=COORDINATE_PRECISION))
                  .order_by("start", "title"))
        url = _detail_url_template()
        features = [self.feature(event, url) for event in events]
        response = geojson_response(request, orjson.dumps({"type": "FeatureCollection", "features": features}),
                                    cache=False)
        response["Cache-Control"] = EVENTS_CACHE_CONTROL
        return response

    @staticmethod
    def feature(event, url):
        geometry = event.own_geojson or event.place_geojson
        return {
            "type": "Feature",
            "id": event.pk,
            "geometry": orjson.Fragment(geometry),
            "properties": {
                "id": event.pk, "slug": event.slug, "title": event.title, "kind": event.kind,
                "start": timezone.localtime(event.start).isoformat(),
                "end": timezone.localtime(event.end).isoformat(),
                "topics": [topic.key for topic in event.topics.all()],
                "languages": [language.code for language in event.languages.all()],
                "place": event.place_name, "address": event.place_address,
                "organiser": event.organiser_label, "registration_url": event.registration_url,
                "is_sample": event.is_sample, "url": url.format(slug=event.slug) if url else "",
            },
        }
