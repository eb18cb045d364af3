"""The method in plain language (/planung/methode/): what access (E2SFCA) and the gap score mean, the
parameters, what moves the ranking most (measured by ``planning.coverage.robust``) and the limits.
Linked from the planner view, the profiles and the report."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from planning.coverage.method import LUO_QI_FRACTIONS, LUO_QI_WEIGHTS
from planning.coverage.parameters import CATCHMENT_RANGE, Parameters
from planning.coverage.robust import robust_gaps


def dimension_labels():
    return {"need": _("Bedarf: Menschen mit Migrationshintergrund oder alle Einwohner:innen"),
            "catchment": _("Einzugsbereich: 500, 1.000 oder 1.500 m"),
            "mss_weight": _("Gewicht des sozialen Status: aus oder an")}


def sensitivity_rows(answer):
    """The three dimensions, the one that moves the ranking most (smallest mean overlap) first."""
    labels = dimension_labels()
    rows = [{"key": key, "label": labels[key], **values} for key, values in answer["sensitivity"].items()]
    return sorted(rows, key=lambda row: (row["mean"], row["key"]))


class MethodView(TemplateView):
    template_name = "planning/method.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        defaults = Parameters()
        answer = robust_gaps()
        rows = sensitivity_rows(answer)
        zones = defaults.zones()
        context.update({
            "defaults": defaults,
            "zones": [{"until": number_format(round(bound), 0, force_grouping=True), "weight": round(weight * 100)}
                      for bound, weight in zip(zones.bounds, zones.weights, strict=True)],
            "zone_fractions": LUO_QI_FRACTIONS, "zone_weights": LUO_QI_WEIGHTS,
            "catchment_range": [number_format(round(value), 0, force_grouping=True) for value in CATCHMENT_RANGE],
            "robust": answer,
            "sensitivity": rows,
            "strongest": rows[0],
            "robust_all": [row for row in answer["areas"] if row["count"] == answer["n"]],
        })
        return context
