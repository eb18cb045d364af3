"""python manage.py compute_coverage [options]: compute the coverage-gap analysis (docs/coverage.md).

With the default parameters the result replaces the stored default run (what the map shows);
with other parameters it is stored as an extra run for comparison. ``--dry-run`` stores nothing,
``--sensitivity`` prints how the ranking reacts to centroid-only demand, grid spacing and catchment.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from planning.coverage import service, store
from planning.coverage.parameters import ParameterError, Parameters


class Command(BaseCommand):
    help = _("Berechnet die Abdeckungsanalyse (E2SFCA) und speichert den Lauf.")
    requires_system_checks = []

    def add_arguments(self, parser):
        defaults = Parameters()
        parser.add_argument("--catchment", type=float, default=defaults.catchment,
                            help=_("Einzugsradius d0 in Metern (500–2000, Luftlinie)"))
        parser.add_argument("--need", choices=["migration_background", "residents"], default=defaults.need)
        parser.add_argument("--mss-weight", type=float, default=defaults.mss_weight,
                            help=_("0–1: Bedarf × (1 + w × (MSS-Statusindex − 1) / 3)"))
        parser.add_argument("--supply-types", default="",
                            help=_("zusätzliche Einrichtungsarten als Angebot, z. B. community_centre,library"))
        parser.add_argument("--demand", choices=["grid", "centroid"], default=defaults.demand)
        parser.add_argument("--grid", type=float, default=defaults.grid_spacing, help=_("Rasterweite in Metern"))
        parser.add_argument("--parameters", default="",
                            help=_("weitere Parameter als JSON, z. B. "
                                   "'{\"meeting_place_weights\": {\"library\": 0.5}}'"))
        parser.add_argument("--dry-run", action="store_true", help=_("nichts speichern"))
        parser.add_argument("--sensitivity", action="store_true",
                            help=_("Rangfolge mit Schwerpunkt statt Raster, anderen Rastern und Radien vergleichen"))
        parser.add_argument("--json", action="store_true", help=_("Ergebnis als JSON ausgeben"))

    def handle(self, *args, **options):
        try:
            extra = json.loads(options["parameters"]) if options["parameters"] else {}
            parameters = Parameters.from_dict({
                **Parameters().as_dict(),
                "catchment": options["catchment"], "need": options["need"], "mss_weight": options["mss_weight"],
                "supply_types": options["supply_types"], "demand": options["demand"], "grid_spacing": options["grid"],
                **extra,
            })
            if options["sensitivity"]:
                report = service.sensitivity(parameters)
                self.stdout.write(json.dumps(report, indent=2) if options["json"] else sensitivity_table(report))
                return
            computation = service.compute(parameters)
        except (ParameterError, json.JSONDecodeError) as error:
            raise CommandError(str(error)) from None

        rows = sorted(computation.area_rows(), key=lambda row: row["rank"])
        if options["json"]:
            self.stdout.write(json.dumps({"parameters": parameters.as_dict(), "areas": rows}, indent=2))
        elif options["verbosity"] >= 1:
            self.stdout.write(_("%(supply)d Angebotspunkte, %(points)d Nachfragepunkte, %(ms).0f ms. Größte Lücken:")
                              % {"supply": len(computation.supply), "points": len(computation.demand),
                                 "ms": computation.duration_ms})
            for row in rows[:10]:
                self.stdout.write(f"  {row['rank']:>2}. {row['key']} {row['name']:<28} Klasse {row['class']}  "
                                  f"Lücke {row['gap_score']:.3f}  Erreichbarkeit relativ {row['relative_access']:.2f}")
        if options["dry_run"]:
            return
        run = store.save_run(computation, is_default=parameters.is_default)
        if options["verbosity"] >= 1 and not options["json"]:
            label = _("Standardlauf") if run.is_default else _("Vergleichslauf")
            self.stdout.write(self.style.SUCCESS(_("%(label)s %(id)d gespeichert.") % {"label": label, "id": run.pk}))


def sensitivity_table(report):
    base = {k: report["base"][k] for k in ("catchment", "need", "demand", "grid_spacing")}
    lines = [f"Base: {report['demand_points']} demand points, {report['supply']} supply points; "
             f"parameters {json.dumps(base)}",
             "", "| variant | demand points | Spearman (gap) | Spearman (access) | top-10 overlap | max rank shift |",
             "|---|---:|---:|---:|---:|---:|"]
    for row in report["variants"]:
        lines.append(f"| {row['variant']} | {row['demand_points']} | {row['spearman_gap']:.3f} | "
                     f"{row['spearman_access']:.3f} | {row['top_overlap']}/{row['top']} | {row['max_rank_shift']} |")
    return "\n".join(lines)
