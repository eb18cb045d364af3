"""Coordinators' admin for the network: events (with the map widget for an address of their own),
topics and the resources library. Registered by importing this module from atlas/admin.py."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin

from .models import Event, LocationPrecision, Resource, Topic

# Links typed without a scheme become https:// (Django 6's default, without its deprecation warning).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


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


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "is_sample", "updated"]
    list_filter = ["status", "kind", "topics", "is_sample"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["topics", "languages"]
    readonly_fields = ["created", "updated"]
    formfield_overrides = URL_FIELDS
    fields = ["title", "slug", "kind", "status", "is_sample", "summary", "body", "topics", "languages",
              "url", "file", "created", "updated"]
