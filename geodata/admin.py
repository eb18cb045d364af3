"""Coordinators' admin for the geodata: areas are read-mostly, housing estates are redrawn on a map."""

from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin

from geodata.models import (
    Bezirk,
    Bezirksregion,
    DataSource,
    Facility,
    FacilityType,
    HousingEstate,
    Ortsteil,
    PlanningArea,
    Prognoseraum,
)


@admin.register(DataSource)
class DataSourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "licence", "vintage"]
    search_fields = ["title", "publisher", "attribution"]
    readonly_fields = ["file_name", "file_sha256"]


class AreaAdmin(LeafletGeoAdmin):
    list_display = ["key", "name"]
    search_fields = ["key", "name"]
    # Official boundaries come from the importer; editing them by hand would break the statistics.
    readonly_fields = ["key", "area_m2", "source"]
    modifiable = False


admin.site.register(Bezirk, AreaAdmin)
admin.site.register(Ortsteil, AreaAdmin)
admin.site.register(Prognoseraum, AreaAdmin)
admin.site.register(Bezirksregion, AreaAdmin)


@admin.register(PlanningArea)
class PlanningAreaAdmin(AreaAdmin):
    list_display = ["key", "name", "ortsteil", "bezirksregion"]
    list_filter = ["ortsteil"]
    list_select_related = ["ortsteil", "bezirksregion"]


@admin.register(FacilityType)
class FacilityTypeAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "colour"]


@admin.register(Facility)
class FacilityAdmin(LeafletGeoAdmin):
    list_display = ["name", "facility_type", "ortsteil", "planning_area", "source"]
    list_filter = ["facility_type", "ortsteil", "source"]
    list_select_related = ["facility_type", "ortsteil", "planning_area", "source"]
    search_fields = ["name", "street", "operator"]
    readonly_fields = ["source", "source_key", "attributes", "planning_area", "ortsteil"]


@admin.register(HousingEstate)
class HousingEstateAdmin(LeafletGeoAdmin):
    list_display = ["name", "edited", "source"]
    filter_horizontal = ["planning_areas"]
    readonly_fields = ["edited"]

    def save_model(self, request, obj, form, change):
        # A coordinator's outline is final: the importer keeps it from now on.
        if change and form.has_changed():
            obj.edited = True
        super().save_model(request, obj, form, change)
