"""Coordinators may look at the stored coverage runs; only ``compute_coverage`` writes them."""

from django.contrib import admin

from common.admin import ReadOnlyMixin
from planning.models import CoverageResult, CoverageRun


class CoverageResultInline(ReadOnlyMixin, admin.TabularInline):
    model = CoverageResult
    fields = ["rank", "planning_area", "population", "need", "access", "relative_access", "gap_score", "gap_class",
              "demand_points"]
    readonly_fields = fields
    ordering = ["rank"]
    extra = 0
    can_delete = False
    show_change_link = False


@admin.register(CoverageRun)
class CoverageRunAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["computed_at", "is_default", "stale", "supply_count", "demand_points", "duration_ms"]
    list_filter = ["is_default", "stale"]
    readonly_fields = ["computed_at", "is_default", "stale", "parameters", "supply_count", "supply_counts",
                       "demand_points", "reference_access", "duration_ms", "checksum", "aggregates"]
    inlines = [CoverageResultInline]
