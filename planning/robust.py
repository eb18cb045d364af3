"""Robust gaps beside the ranking: the planner view's table "in the top 10 under k of n settings" and
``GET /api/coverage/robust/``; the computation is ``planning.coverage.robust``."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from common.api import schema
from common.api.views import PublicView
from planning.coverage import robust


def need_label(need):
    return _("Migrationshintergrund") if need == "migration_background" else _("alle Einwohner:innen")


def setting_label(setting):
    """"1.000 m · Migrationshintergrund · MSS aus": one of the twelve settings in words."""
    mss = _("MSS an") if setting["mss_weight"] else _("MSS aus")
    metres = number_format(setting["catchment"], 0, force_grouping=True)
    return f"{metres} m · {need_label(setting['need'])} · {mss}"


def robust_context():
    """The table for the planner view: rows with the labels of their settings, and the facts around it."""
    answer = robust.robust_gaps()
    labels = [setting_label(setting) for setting in answer["settings"]]
    rows = [{**row, "setting_labels": [labels[n] for n in row["settings"]]} for row in answer["areas"]]
    return {
        **answer,
        "rows": rows,
        "all_settings": labels,
        "robust_count": sum(1 for row in rows if row["count"] == answer["n"]),
        "catchments": [number_format(value, 0, force_grouping=True) for value in robust.CATCHMENTS],
    }


SETTING = {"type": "object", "properties": {
    "catchment": {"type": "number"}, "need": schema.STRING, "mss_weight": {"type": "number"},
    "top": {**schema.STRING_LIST, "description": "planning-area keys in the top 10 under this setting"},
}}
AREA = {"type": "object", "properties": {
    "key": schema.STRING, "name": schema.STRING, "ortsteil": schema.STRING,
    "count": {"type": "integer", "description": "settings under which the area is in the top 10"},
    "settings": {"type": "array", "items": schema.INTEGER, "description": "indices into settings"},
    "default_rank": {"type": "integer", "description": "rank under the default parameters"},
    "best_rank": schema.INTEGER, "worst_rank": schema.INTEGER,
}}
OVERLAP = {"type": "object", "properties": {
    "mean": {"type": "number"}, "min": schema.INTEGER, "max": schema.INTEGER, "pairs": schema.INTEGER}}
ROBUST_RESPONSE = {"type": "object", "properties": {
    "top": schema.INTEGER, "n": schema.INTEGER,
    "default_setting": {"type": "integer", "description": "index of the default parameters among settings"},
    "settings": {"type": "array", "items": SETTING},
    "areas": {"type": "array", "items": AREA, "description": "areas in the top 10 under at least one setting"},
    "sensitivity": {"type": "object", "additionalProperties": OVERLAP,
                    "description": "top-10 overlap of settings differing in one dimension only"},
    "need_overlap": {"type": "integer", "description": "top-10 overlap, migration background vs all residents"},
    "supply_count": schema.INTEGER, "demand_points": schema.INTEGER,
    "duration_ms": {"type": "number", "description": "time of the computation (not of a cached answer)"},
    "cached": schema.BOOLEAN,
}}


class RobustGapsView(PublicView):
    @extend_schema(
        tags=["coverage"], operation_id="coverage_robust",
        summary="Robust gaps: planning areas in the top 10 under k of 12 reasonable settings",
        description="Catchment 500/1000/1500 m × need (migration background, all residents) × MSS weight "
                    "0 or 1, everything else at the defaults. Cached until the directory data change.",
        responses={200: ROBUST_RESPONSE},
    )
    def get(self, request):
        return Response(robust.robust_gaps())
