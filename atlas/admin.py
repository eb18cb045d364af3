"""Coordinators' admin for the directory, with the Leaflet map widget for locations."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin

from .models import (
    Category,
    Community,
    GazetteerAddress,
    GeocodeCache,
    Language,
    LocationPrecision,
    MeetingPlace,
    MeetingPlaceType,
    Organisation,
    Room,
    TargetGroup,
)


class LocatedAdmin(LeafletGeoAdmin):
    list_filter = ["status", "needs_location", "is_sample", "ortsteil"]
    search_fields = ["name", "short_description", "street"]
    readonly_fields = ["planning_area", "ortsteil", "needs_location", "created", "updated"]
    list_select_related = ["ortsteil"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        # A point a coordinator placed on the map is final: geocoding never overwrites it.
        if "location" in form.changed_data and obj.location is not None:
            obj.location_set_manually = True
            obj.location_precision = LocationPrecision.MANUAL
        super().save_model(request, obj, form, change)


@admin.register(Organisation)
class OrganisationAdmin(LocatedAdmin):
    list_display = ["name", "kind", "status", "ortsteil", "network_member", "is_sample", "needs_location"]
    list_filter = ["status", "kind", "network_member", "categories", "languages", "needs_location", "is_sample",
                   "ortsteil"]
    filter_horizontal = ["categories", "languages", "target_groups", "communities"]


class RoomInline(admin.TabularInline):
    model = Room
    extra = 1


@admin.register(MeetingPlace)
class MeetingPlaceAdmin(LocatedAdmin):
    list_display = ["name", "place_type", "status", "ortsteil", "bookable", "source"]
    list_filter = ["status", "place_type", "bookable", "needs_location", "ortsteil"]
    list_select_related = ["ortsteil", "place_type", "source"]
    autocomplete_fields = ["operator"]
    raw_id_fields = ["facility"]
    inlines = [RoomInline]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "colour", "position"]
    list_editable = ["position"]


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["native_name", "german_name", "code", "rtl"]
    search_fields = ["native_name", "german_name", "code"]


for model in (TargetGroup, Community, MeetingPlaceType):
    admin.site.register(model, list_display=["name", "key", "position"])


@admin.register(GazetteerAddress)
class GazetteerAddressAdmin(admin.ModelAdmin):
    list_display = ["street", "number", "suffix", "postcode", "planning_area_key"]
    search_fields = ["street"]

    def has_change_permission(self, request, obj=None):
        return False  # the official address list is replaced only by import_gazetteer


@admin.register(GeocodeCache)
class GeocodeCacheAdmin(admin.ModelAdmin):
    list_display = ["query", "provider", "found", "created"]
    search_fields = ["query"]
    readonly_fields = ["query_key", "query", "provider", "found", "result", "created"]


admin.site.site_header = _("MigrAktiv Atlas – Verwaltung")
admin.site.site_title = _("MigrAktiv Atlas")
