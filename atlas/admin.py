"""Coordinators' admin for the directory, with the Leaflet map widget for locations, the import of
CSV/Excel files (atlas/importing/), exports and a warning about possible duplicates.

Role-aware: coordinators (group "Koordination") have every permission of the atlas and geodata apps,
planners (group "Planung") the view permissions (atlas.permissions.ensure_role_groups); both are staff.
Organisations and meeting places show their change history (django-simple-history); public
submissions are listed with filters and decided in the moderation queue (/moderation/).
"""

from django.contrib import admin, messages
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin
from simple_history.admin import SimpleHistoryAdmin

from .duplicates import DUPLICATE_RADIUS_M, nearby_namesakes
from .exporting import admin_rows, to_csv, to_xlsx
from .exporting.views import FILE_STEMS, SHEET_TITLES, file_response
from .importing.admin_views import ImportAdminMixin
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
    OrganisationEditor,
    Room,
    Submission,
    TargetGroup,
    VerificationReminder,
)
from .translations import FIELDS as TRANSLATED_FIELDS
from .translations import TRANSLATED_LANGUAGES, TRANSLATION_FIELD_NAMES, TRANSLATIONS_HINT, field_name, translation_form


class LocatedAdmin(ImportAdminMixin, SimpleHistoryAdmin, LeafletGeoAdmin):
    list_filter = ["status", "needs_location", "is_sample", "ortsteil"]
    search_fields = ["name", "short_description", "street"]
    readonly_fields = ["planning_area", "ortsteil", "needs_location", "created", "updated"]
    list_select_related = ["ortsteil"]
    prepopulated_fields = {"slug": ["name"]}
    change_list_template = "admin/atlas/change_list_import.html"
    # Websites typed without a scheme get https:// (Django 6's default; silences the deprecation).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["export_selection_xlsx", "export_selection_csv"]
    # The descriptions in other languages are edited in their own fields (atlas/translations.py),
    # not as raw JSON.
    exclude = ["translations"]

    def get_fieldsets(self, request, obj=None):
        """All fields as usual, the translations in a collapsed fieldset: one row per language."""
        fields = [name for name in self.get_fields(request, obj) if name not in TRANSLATION_FIELD_NAMES]
        rows = [tuple(field_name(field, language) for field in TRANSLATED_FIELDS) for language in TRANSLATED_LANGUAGES]
        return [
            (None, {"fields": fields}),
            (_("Übersetzungen"), {"fields": rows, "classes": ["collapse"], "description": TRANSLATIONS_HINT}),
        ]

    def save_model(self, request, obj, form, change):
        # A point a coordinator placed on the map is final: geocoding never overwrites it.
        if "location" in form.changed_data and obj.location is not None:
            obj.location_set_manually = True
            obj.location_precision = LocationPrecision.MANUAL
        super().save_model(request, obj, form, change)
        self.warn_about_duplicates(request, obj)

    def warn_about_duplicates(self, request, obj):
        """A hint, never a block: the same name less than 200 m away is probably the same entry."""
        for other, distance in nearby_namesakes(type(obj), obj.name, obj.location, exclude_pk=obj.pk):
            messages.warning(request, gettext(
                "Möglicherweise doppelt: „%(name)s“ (Kurzname %(slug)s) hat denselben Namen und liegt %(distance)d m "
                "entfernt (weniger als %(radius)d m). Bitte prüfen und gegebenenfalls einen der Einträge archivieren."
            ) % {"name": other.name, "slug": other.slug, "distance": round(distance), "radius": DUPLICATE_RADIUS_M})

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "public_exports": self._public_export_links()}
        if self.has_add_permission(request):
            extra_context["import_url"] = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        return super().changelist_view(request, extra_context=extra_context)

    def _public_export_links(self):
        links = []
        for file_format, label in (("csv", "CSV"), ("xlsx", "Excel"), ("geojson", "GeoJSON")):
            try:
                links.append((label, reverse(f"export-{self.import_kind}-{file_format}")))
            except NoReverseMatch:  # atlas/urls_export.py not included
                return []
        return links

    def _export_selection(self, queryset, file_format):
        stem = f"{FILE_STEMS[self.import_kind]}-auswahl"
        records = admin_rows(queryset)
        content = to_csv(records) if file_format == "csv" else to_xlsx(records, title=SHEET_TITLES[self.import_kind])
        return file_response(content, file_format, stem)

    @admin.action(description=_("Auswahl exportieren (Excel)"), permissions=["change"])
    def export_selection_xlsx(self, request, queryset):
        return self._export_selection(queryset, "xlsx")

    @admin.action(description=_("Auswahl exportieren (CSV)"), permissions=["change"])
    def export_selection_csv(self, request, queryset):
        return self._export_selection(queryset, "csv")


class OrganisationEditorInline(admin.TabularInline):
    """Who may edit the organisation (role "organisation editor")."""

    model = OrganisationEditor
    extra = 1
    raw_id_fields = ["user"]
    readonly_fields = ["added"]


@admin.register(Organisation)
class OrganisationAdmin(LocatedAdmin):
    form = translation_form(Organisation)
    inlines = [OrganisationEditorInline]
    import_kind = "organisations"
    list_display = ["name", "kind", "status", "ortsteil", "network_member", "is_sample", "needs_location"]
    list_filter = ["status", "kind", "network_member", "categories", "languages", "needs_location", "is_sample",
                   "ortsteil"]
    filter_horizontal = ["categories", "languages", "target_groups", "communities"]


class RoomInline(admin.TabularInline):
    model = Room
    extra = 1


@admin.register(MeetingPlace)
class MeetingPlaceAdmin(LocatedAdmin):
    form = translation_form(MeetingPlace)
    import_kind = "meeting-places"
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


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Public proposals; decisions (with the mail to the submitter) are made in the moderation queue."""

    list_display = ["__str__", "kind", "status", "entry_link", "submitter_name", "created", "reviewed_by",
                    "moderation_link"]
    list_filter = ["status", "kind", "created", "reviewed"]
    search_fields = ["submitter_name", "submitter_email", "organisation__name", "meeting_place__name",
                     "event__title", "reason"]
    date_hierarchy = "created"
    list_select_related = ["organisation", "meeting_place", "event", "reviewed_by"]
    readonly_fields = ["kind", "payload", "organisation", "meeting_place", "event", "sender_hash", "created",
                       "reviewed_by", "reviewed"]
    fields = ["kind", "status", "payload", "organisation", "meeting_place", "event", "submitter_name",
              "submitter_email", "reason", "reviewed_by", "reviewed", "created", "sender_hash"]

    def has_add_permission(self, request):
        return False  # proposals come from the public forms

    @admin.display(description=_("Eintrag"))
    def entry_link(self, obj):
        entry = obj.organisation or obj.meeting_place or obj.event
        return str(entry) if entry is not None else "–"

    @admin.display(description=_("Moderation"))
    def moderation_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("moderation:submission", kwargs={"pk": obj.pk}),
                           gettext("prüfen"))


@admin.register(VerificationReminder)
class VerificationReminderAdmin(admin.ModelAdmin):
    list_display = ["user", "sent", "organisations"]
    list_filter = ["sent"]
    readonly_fields = ["user", "sent", "organisations"]

    def has_add_permission(self, request):
        return False


admin.site.site_header = _("MigrAktiv Atlas – Verwaltung")
admin.site.site_title = _("MigrAktiv Atlas")

# Events, topics and resources (atlas/admin_network.py).
from . import admin_network  # noqa: E402,F401
