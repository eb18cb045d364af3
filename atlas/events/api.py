"""GET /api/events/ – published events with a location as GeoJSON, for the map.

An event's point is its own, else that of its meeting place. Without ``from`` the layer holds the
events that have not ended yet. Errors are ``{"detail": …}`` with status 400.
"""

import orjson
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ParseError

from atlas.events.models import Event
from atlas.events.queries import LANGUAGE, TOPIC
from common.api import schema
from common.api.geojson import COORDINATE_PRECISION, geojson_response
from common.api.params import Parameters, bbox, instant
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

SCHEMA_PARAMETERS = [
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


PARAMETERS = Parameters({"topic": TOPIC, "language": LANGUAGE, "from": instant(), "to": instant(end_of_day=True),
                         "bbox": bbox})


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
        parameters=SCHEMA_PARAMETERS,
        responses={200: schema.feature_collection(EVENT, schema.INTEGER), 400: schema.ERROR},
    )
    def get(self, request):
        values = PARAMETERS.parse(request.query_params)
        since, until = values["from"], values["to"]
        if since is not None and until is not None and since >= until:
            raise ParseError(_("from muss vor to liegen."))
        events = Event.objects.published().filter(end__gte=since or timezone.now())
        if values["topic"]:
            events = events.filter(linked_to(Event, "topics", values["topic"], "key"))
        if values["language"]:
            events = events.filter(linked_to(Event, "languages", values["language"], "code"))
        if until is not None:
            events = events.filter(start__lt=until)
        events = events.filter(Q(location__isnull=False) | Q(meeting_place__location__isnull=False))
        if values["bbox"] is not None:
            events = events.filter(Q(location__intersects=values["bbox"])
                                   | Q(location__isnull=True, meeting_place__location__intersects=values["bbox"]))
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
