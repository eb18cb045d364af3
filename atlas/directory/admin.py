"""Coordinators' admin for the directory, with the Leaflet map widget for locations, the import of
CSV/Excel files (atlas/directory/importing/), exports and a warning about possible duplicates.

Role-aware: coordinators (group "Koordination") have every permission of the atlas and geodata apps,
planners (group "Planung") the view permissions (atlas.roles.permissions.ensure_role_groups); both are staff.
Organisations and meeting places show their change history (django-simple-history); public
submissions are listed with filters and decided in the moderation queue (/moderation/).
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin
from simple_history.admin import SimpleHistoryAdmin

from atlas.directory.duplicates import DUPLICATE_RADIUS_M, nearby_namesakes
from atlas.directory.exporting import admin_rows, to_csv, to_xlsx
from atlas.directory.exporting.views import FILE_STEMS, SHEET_TITLES, file_response
from atlas.directory.importing.admin_views import ImportAdminMixin
from atlas.directory.models import (
    Category,
    Community,
    Language,
    LocationPrecision,
    MeetingPlace,
    MeetingPlaceFacility,
    MeetingPlaceType,
    Organisation,
    PublicationStatus,
    Room,
    TargetGroup,
)
from atlas.directory.placing.queries import queue
from atlas.directory.translations import FIELDS as TRANSLATED_FIELDS
from atlas.directory.translations import (
    TRANSLATED_LANGUAGES,
    TRANSLATION_FIELD_NAMES,
    TRANSLATIONS_HINT,
    field_name,
    translation_form,
)
from atlas.roles.models import OrganisationEditor
from atlas.roles.permissions import is_coordinator
from common.admin import URL_FIELDS


class LocatedAdmin(ImportAdminMixin, SimpleHistoryAdmin, LeafletGeoAdmin):
    list_filter = ["status", "needs_location", "is_sample", "ortsteil"]
    search_fields = ["name", "short_description", "street"]
    readonly_fields = ["planning_area", "ortsteil", "needs_location", "created", "updated"]
    list_select_related = ["ortsteil"]
    prepopulated_fields = {"slug": ["name"]}
    change_list_template = "admin/atlas/change_list_import.html"
    formfield_overrides = URL_FIELDS
    actions = ["publish_selection", "export_selection_xlsx", "export_selection_csv"]
    # The descriptions in other languages are edited in their own fields (atlas/directory/translations.py),
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
        if is_coordinator(request.user):
            extra_context["placing_url"] = reverse("atlas:placing")
            extra_context["to_place"] = queue(self.model).count()
        return super().changelist_view(request, extra_context=extra_context)

    def _public_export_links(self):
        links = []
        for file_format, label in (("csv", "CSV"), ("xlsx", "Excel"), ("geojson", "GeoJSON")):
            try:
                links.append((label, reverse(f"export-{self.import_kind}-{file_format}")))
            except NoReverseMatch:  # atlas/directory/exporting/urls.py not included
                return []
        return links

    def _export_selection(self, queryset, file_format):
        stem = f"{FILE_STEMS[self.import_kind]}-auswahl"
        records = admin_rows(queryset)
        content = to_csv(records) if file_format == "csv" else to_xlsx(records, title=SHEET_TITLES[self.import_kind])
        return file_response(content, file_format, stem)

    @admin.action(description=_("Auswahl veröffentlichen"), permissions=["change"])
    def publish_selection(self, request, queryset):
        """Publishes the selected entries that wait (e.g. after an import), each checked like a save in the
        form; one that fails its checks stays as it was and is named with the reason."""
        published, refused = 0, []
        for entry in queryset.exclude(status=PublicationStatus.PUBLISHED):
            entry.status = PublicationStatus.PUBLISHED
            try:
                entry.full_clean()
            except ValidationError as error:
                refused.append(f"{entry.name}: {'; '.join(error.messages)}")
                continue
            entry._change_reason = gettext("Veröffentlicht (Auswahl in der Liste)")
            entry.save()
            published += 1
        self.message_user(request, gettext("Veröffentlicht: %(count)s.") % {"count": published}, messages.SUCCESS)
        for reason in refused:
            self.message_user(request, gettext("Nicht veröffentlicht – %(reason)s") % {"reason": reason},
                              messages.WARNING)

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


class FacilityLinkInline(admin.TabularInline):
    """The records of the facility layers a seeded place stands for: set by seed_meeting_places, shown here."""

    model = MeetingPlaceFacility
    extra = 0
    can_delete = False
    fields = ["facility", "source"]
    readonly_fields = ["facility", "source"]
    verbose_name = _("Einrichtung der Quelle")
    verbose_name_plural = _("In den Quellen als")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Quelle"))
    def source(self, link):
        return link.facility.source


@admin.register(MeetingPlace)
class MeetingPlaceAdmin(LocatedAdmin):
    form = translation_form(MeetingPlace)
    import_kind = "meeting-places"
    list_display = ["name", "place_type", "status", "ortsteil", "bookable", "source"]
    list_filter = ["status", "place_type", "bookable", "needs_location", "ortsteil"]
    list_select_related = ["ortsteil", "place_type", "source"]
    autocomplete_fields = ["operator"]
    inlines = [RoomInline, FacilityLinkInline]


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


admin.site.site_header = _("MigrAktiv Atlas – Verwaltung")
admin.site.site_title = _("MigrAktiv Atlas")

