"""Coordinators' admin for the resources library."""

from django.contrib import admin

from atlas.resources.models import Resource
from common.admin import URL_FIELDS


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
