"""Pages of the geodata app: the accessible table of planning areas, the sources."""

from django.db.models import Sum
from django.views.generic import TemplateView

from common.basemap import tile_source
from geodata.models import DataSource, PlanningArea, Population


class PlanningAreaTableView(TemplateView):
    """The map's figures as a table, for keyboard and screen-reader users and for copying."""

    template_name = "geodata/planning_area_table.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        areas = (
            PlanningArea.objects.select_related(
                "ortsteil", "bezirksregion", "population", "social_monitoring", "housing_ownership"
            )
            .order_by("ortsteil__name", "key")
        )
        rows, source_ids = [], set()
        for area in areas:
            population = getattr(area, "population", None)
            monitoring = getattr(area, "social_monitoring", None)
            ownership = getattr(area, "housing_ownership", None)
            source_ids.update(item.source_id for item in (area, population, monitoring, ownership) if item)
            rows.append({
                "area": area,
                "population": population,
                "monitoring": monitoring,
                "municipal_share": ownership.municipal_share if ownership else None,
            })
        totals = Population.objects.aggregate(
            residents=Sum("residents"),
            with_migration_background=Sum("with_migration_background"),
            foreigners=Sum("foreigners"),
        )
        residents = totals["residents"] or 0
        context["rows"] = rows
        context["totals"] = totals
        context["totals_shares"] = {
            "migration_background": round(100 * (totals["with_migration_background"] or 0) / residents, 1)
            if residents else None,
            "foreigners": round(100 * (totals["foreigners"] or 0) / residents, 1) if residents else None,
        }
        context["sources"] = DataSource.objects.filter(pk__in=source_ids)
        return context


class SourcesView(TemplateView):
    template_name = "geodata/sources.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sources"] = DataSource.objects.all()
        context["tiles"] = tile_source()
        return context
