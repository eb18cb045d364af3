"""Coordinators' admin for events (with the map widget for an address of their own) and their topics."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin

from atlas.directory.models import LocationPrecision
from atlas.events.models import Event, Topic
from common.admin import URL_FIELDS


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "position"]
    list_editable = ["position"]
    search_fields = ["name", "key"]
    prepopulated_fields = {"key": ["name"]}


@admin.register(Event)
class EventAdmin(LeafletGeoAdmin):
    list_display = ["title", "start", "end", "kind", "status", "is_sample"]
    list_filter = ["status", "kind", "topics", "is_sample"]
    search_fields = ["title", "description", "organiser_name", "street"]
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["meeting_place", "organiser"]
    filter_horizontal = ["topics", "languages"]
    readonly_fields = ["planning_area", "ortsteil", "needs_location", "created", "updated"]
    list_select_related = ["meeting_place"]
    formfield_overrides = URL_FIELDS
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status", "is_sample", "description", "topics", "languages"]}),
        (_("Zeit"), {"fields": ["start", "end"]}),
        (_("Ort"), {
            "description": _("Entweder einen Treffpunkt aus dem Verzeichnis wählen oder eine eigene Adresse "
                             "mit Lage angeben."),
            "fields": ["meeting_place", "street", "postcode", "location", "location_precision",
                       "planning_area", "ortsteil", "needs_location"],
        }),
        (_("Veranstalter und Anmeldung"), {
            "fields": ["organiser", "organiser_name", "registration_url", "capacity"],
        }),
        (_("Verwaltung"), {"fields": ["created", "updated"]}),
    ]

    def save_model(self, request, obj, form, change):
        # A point a coordinator placed on the map is final, as for directory entries.
        if "location" in form.changed_data and obj.location is not None:
            obj.location_set_manually = True
            obj.location_precision = LocationPrecision.MANUAL
        super().save_model(request, obj, form, change)
