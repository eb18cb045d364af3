"""Admin of the geocoder's data: the official address list (read-only) and the cache of online answers."""

from django.contrib import admin

from atlas.geocoding.models import GazetteerAddress, GeocodeCache


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
