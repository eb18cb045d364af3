"""Stored coverage-gap runs (E2SFCA, see docs/coverage.md): one run per parameter set computed by
``compute_coverage`` or on demand, with one result row per planning area.

The run with ``is_default`` is what the map shows. Saving or deleting an organisation, meeting
place or room marks it stale; the next request for the default coverage recomputes it (about
50 ms on the Spandau data) instead of every save doing so.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CoverageRun(models.Model):
    parameters = models.JSONField(_("Parameter"))
    computed_at = models.DateTimeField(_("berechnet am"), auto_now_add=True, db_index=True)
    supply_count = models.PositiveIntegerField(_("Angebotspunkte"))
    demand_points = models.PositiveIntegerField(_("Nachfragepunkte"))
    duration_ms = models.FloatField(_("Rechenzeit (ms)"))
    is_default = models.BooleanField(_("Standardlauf"), default=False)
    # Set when directory data changed after the run; the default run is then recomputed lazily.
    stale = models.BooleanField(_("veraltet"), default=False)
    # Need-weighted mean access of the district: relative access 1.0 means this value.
    reference_access = models.FloatField(_("Referenzwert Erreichbarkeit"))
    # {"ortsteile": [...], "housing_estates": [...]}: the same scores aggregated (need-weighted).
    aggregates = models.JSONField(_("Aggregate"), default=dict)
    supply_counts = models.JSONField(_("Angebot nach Art"), default=dict)
    checksum = models.CharField(_("Prüfsumme"), max_length=64)

    class Meta:
        app_label = "geodata"
        ordering = ["-computed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["is_default"], condition=models.Q(is_default=True),
                                    name="coverage_single_default_run"),
        ]
        verbose_name = _("Abdeckungsanalyse")
        verbose_name_plural = _("Abdeckungsanalysen")

    def __str__(self):
        return f"{self.computed_at:%Y-%m-%d %H:%M} ({'default' if self.is_default else self.pk})"


class CoverageResult(models.Model):
    run = models.ForeignKey(CoverageRun, on_delete=models.CASCADE, related_name="results")
    planning_area = models.ForeignKey("geodata.PlanningArea", on_delete=models.CASCADE, related_name="+")
    population = models.PositiveIntegerField(_("Einwohner:innen"))
    need = models.FloatField(_("Bedarf (gewichtete Einwohner:innen)"))
    access = models.FloatField(_("Erreichbarkeit A"))
    relative_access = models.FloatField(_("Erreichbarkeit relativ zum Bezirk"))
    gap_score = models.FloatField(_("Lückenwert"))
    rank = models.PositiveSmallIntegerField(_("Rang"))
    gap_class = models.PositiveSmallIntegerField(_("Klasse"))
    demand_points = models.PositiveIntegerField(_("Nachfragepunkte"))

    class Meta:
        app_label = "geodata"
        ordering = ["run", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "planning_area"], name="coverage_result_unique_area"),
        ]
        verbose_name = _("Abdeckungsergebnis")
        verbose_name_plural = _("Abdeckungsergebnisse")

    def __str__(self):
        return f"{self.planning_area_id}: {self.rank}"


# Fields whose change can alter the supply; a save naming only other fields leaves the run alone.
SUPPLY_FIELDS = {"status", "location", "location_metric", "kind", "place_type", "consent_publish_address",
                 "planning_area", "capacity", "meeting_place", "is_sample"}


def mark_default_stale(sender=None, instance=None, raw=False, update_fields=None, **kwargs):
    """One UPDATE inside the caller's transaction: rolled back with it, committed with it."""
    if raw or (update_fields is not None and not SUPPLY_FIELDS & set(update_fields)):
        return
    CoverageRun.objects.filter(is_default=True, stale=False).update(stale=True)

