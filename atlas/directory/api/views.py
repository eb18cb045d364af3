"""The public directory API: published organisations and meeting places as GeoJSON, and the
vocabularies to filter them by. Read-only, open to anyone.

Views validate the parameters and select the entries (atlas.directory.queries), the features are
assembled by atlas.directory.api.geojson; error bodies are ``{"detail": …}`` (400/404).
"""

import orjson
from django.db.models import Count, Q
from django.utils.cache import patch_vary_headers
from django.utils.translation import activate
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from atlas.directory.api import schema
from atlas.directory.api.geojson import (
    feature_collection_page,
    list_features,
    meeting_place_detail,
    organisation_detail,
)
from atlas.directory.api.map_layer import map_layer
from atlas.directory.models import (
    Category,
    Language,
    MeetingPlace,
    MeetingPlaceType,
    Organisation,
    PublicationStatus,
    TargetGroup,
)
from atlas.directory.queries import filter_entries
from atlas.directory.suggestions import suggestions
from atlas.directory.translations import UI_LANGUAGES, request_language
from common.api.geojson import geojson_response
from common.api.schema import ERROR
from common.api.views import GeoJSONView, PublicView

TAG = "directory"
# Entries change when coordinators publish; a short cache keeps the map fresh.
DIRECTORY_CACHE_CONTROL = "public, max-age=60"


def _cached(response):
    response["Cache-Control"] = DIRECTORY_CACHE_CONTROL
    return response


class LanguageMixin:
    """The texts of the answer (descriptions and messages) in the request's language: ``?lang=`` (one of
    settings.LANGUAGES), or else the UI language LocaleMiddleware chose from the language cookie or
    Accept-Language, as for the pages. Without ``?lang=`` the answer varies with the cookie too."""

    language = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        try:
            self.language = request_language(request)
        except ValueError:
            raise ParseError(_("lang muss eine dieser Sprachen sein: %(languages)s.")
                             % {"languages": ", ".join(UI_LANGUAGES)}) from None
        activate(self.language)  # as LocaleMiddleware does, for the messages of this request

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if "lang" not in request.GET:
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if self.language:
            response["Content-Language"] = self.language
        return response


class DirectoryListView(LanguageMixin, GeoJSONView):
    model = None

    def get(self, request):
        selection = filter_entries(self.model.objects.all(), request.query_params)
        filters = selection.filters
        offset, limit = selection.offset, filters.page_size
        features = list_features(selection, offset, limit, self.language)
        # A first page that is not full holds everything: no COUNT query needed.
        count = len(features) if offset == 0 and len(features) < limit else selection.count()
        url = request.build_absolute_uri()
        next_url = replace_query_param(url, "page", filters.page + 1) if offset + limit < count else None
        previous_url = None
        if filters.page > 1:
            previous_url = (remove_query_param(url, "page") if filters.page == 2
                            else replace_query_param(url, "page", filters.page - 1))
        # "Did you mean …" only when nothing is found (a query word matching nothing, see atlas.directory.suggestions).
        suggested = suggestions([selection], self.language) if count == 0 and filters.q else []
        body = feature_collection_page(features, count, next_url, previous_url, suggested)
        return _cached(geojson_response(request, body, cache=False))


class OrganisationListView(DirectoryListView):
    model = Organisation

    @extend_schema(
        tags=[TAG], operation_id="organisations_list",
        summary="Published organisations as GeoJSON, filtered, paginated, optionally nearest first",
        description="Individual actors without consent to publish their address are placed at the "
                    "representative point of their planning area (location_precision `planning_area`); "
                    "distances, bbox and radius use that point.",
        parameters=schema.ORGANISATION_PARAMETERS,
        responses={200: schema.page(schema.ORGANISATION), 400: ERROR},
    )
    def get(self, request):
        return super().get(request)


class MeetingPlaceListView(DirectoryListView):
    model = MeetingPlace

    @extend_schema(
        tags=[TAG], operation_id="meeting_places_list",
        summary="Published meeting places as GeoJSON, filtered, paginated, optionally nearest first",
        parameters=schema.MEETING_PLACE_PARAMETERS,
        responses={200: schema.page(schema.MEETING_PLACE), 400: ERROR},
    )
    def get(self, request):
        return super().get(request)


class DirectoryMapLayerView(GeoJSONView):
    """Every match of the list's filters as a slim point (atlas.directory.api.map_layer); the texts
    of an entry come from the list (``id=``), so the answer does not depend on the language."""

    model = None

    def get(self, request):
        selection = filter_entries(self.model.objects.all(), request.query_params)
        return _cached(geojson_response(request, map_layer(selection), cache=False))


class OrganisationMapLayerView(DirectoryMapLayerView):
    model = Organisation

    @extend_schema(
        tags=[TAG], operation_id="organisations_map_layer",
        summary="Every published organisation matching the filters as a slim point for the map",
        description="The filters of /api/organisations/ (page and page_size do not apply): all matches with a "
                    "point in one FeatureCollection, ordered by id; properties kind (organisation) and category "
                    "(the first field of activity, null without one); coordinates with five decimals. Entries "
                    "shown at planning-area level are at their planning area's point. The texts of an entry: "
                    "/api/organisations/?id=….",
        parameters=schema.MAP_LAYER_ORGANISATION_PARAMETERS,
        responses={200: schema.map_layer("organisation"), 400: ERROR},
    )
    def get(self, request):
        return super().get(request)


class MeetingPlaceMapLayerView(DirectoryMapLayerView):
    model = MeetingPlace

    @extend_schema(
        tags=[TAG], operation_id="meeting_places_map_layer",
        summary="Every published meeting place matching the filters as a slim point for the map",
        description="The filters of /api/meeting-places/ (page and page_size do not apply): all matches with a "
                    "point in one FeatureCollection, ordered by id; properties kind (meeting_place) and category "
                    "(the type of place); coordinates with five decimals. The texts of an entry: "
                    "/api/meeting-places/?id=….",
        parameters=schema.MAP_LAYER_MEETING_PLACE_PARAMETERS,
        responses={200: schema.map_layer("meeting_place"), 400: ERROR},
    )
    def get(self, request):
        return super().get(request)


class OrganisationDetailView(LanguageMixin, GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="organisations_retrieve",
        summary="One published organisation with all public fields",
        description="Contact data only with consent to publish it; street, postcode and the exact point "
                    "only when the exact location is public.",
        parameters=[schema.SLUG, schema.LANG],
        responses={200: schema.detail(schema.ORGANISATION_DETAIL), 400: ERROR, 404: ERROR},
    )
    def get(self, request, slug):
        found = organisation_detail(slug, self.language)
        if found is None:
            raise NotFound(_("Keine veröffentlichte Organisation „%(slug)s“.") % {"slug": slug})
        return _cached(geojson_response(request, orjson.dumps(found), cache=False))


class MeetingPlaceDetailView(LanguageMixin, GeoJSONView):
    @extend_schema(
        tags=[TAG], operation_id="meeting_places_retrieve",
        summary="One published meeting place with rooms, operator and source",
        parameters=[schema.SLUG, schema.LANG],
        responses={200: schema.detail(schema.MEETING_PLACE_DETAIL), 400: ERROR, 404: ERROR},
    )
    def get(self, request, slug):
        found = meeting_place_detail(slug, self.language)
        if found is None:
            raise NotFound(_("Kein veröffentlichter Treffpunkt „%(slug)s“.") % {"slug": slug})
        return _cached(geojson_response(request, orjson.dumps(found), cache=False))


def _published(relation):
    return Count(relation, filter=Q(**{f"{relation}__status": PublicationStatus.PUBLISHED}))


def _labelled(rows):
    """Vocabulary names in the reader's language where the catalogue has them (Vocabulary.label)."""
    return [{**row, "name": _(row["name"])} for row in rows]


class CategoryListView(PublicView):
    @extend_schema(tags=[TAG], operation_id="categories_list",
                   summary="Fields of activity with map colour and number of published organisations",
                   responses={200: schema.CATEGORIES})
    def get(self, request):
        rows = Category.objects.annotate(count=_published("organisations")).values("key", "name", "colour", "count")
        return Response(_labelled(rows))


class LanguageListView(PublicView):
    @extend_schema(tags=[TAG], operation_id="languages_list",
                   summary="Languages with native name, writing direction and number of published organisations",
                   responses={200: schema.LANGUAGES})
    def get(self, request):
        rows = Language.objects.annotate(count=_published("organisations")).values(
            "code", "native_name", "german_name", "rtl", "count")
        return Response(list(rows))


class TargetGroupListView(PublicView):
    @extend_schema(tags=[TAG], operation_id="target_groups_list",
                   summary="Target groups with number of published organisations",
                   responses={200: schema.TARGET_GROUPS})
    def get(self, request):
        rows = TargetGroup.objects.annotate(count=_published("organisations")).values("key", "name", "count")
        return Response(_labelled(rows))


class MeetingPlaceTypeListView(PublicView):
    @extend_schema(tags=[TAG], operation_id="meeting_place_types_list",
                   summary="Kinds of meeting place with number of published meeting places",
                   responses={200: schema.MEETING_PLACE_TYPES})
    def get(self, request):
        rows = MeetingPlaceType.objects.annotate(count=_published("meeting_places")).values("key", "name", "count")
        return Response(_labelled(rows))
