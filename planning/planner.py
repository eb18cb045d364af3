"""The planner view (/planung/): the gap score as a choropleth, the ranked list "Wo Vernetzung
gebraucht wird", parameters, and what-if meeting places (nothing is stored).

The page is a shell; static/atlas/js/planning/planner-page.js fetches /api/coverage/ and posts to
/api/coverage/what-if/; planning/planner_figures.py answers the "figures behind this rank" of one
planning area (the supply within its catchment) for the current parameters. Beside the ranking the
robust gaps (planning/robust.py) are rendered on the server.
"""

from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import TemplateView

from atlas.directory.config import directory_config
from atlas.directory.queries import public_points
from common.basemap import base_map
from geodata import transit
from geodata.credits import map_credits
from geodata.models import FacilityType, PlanningArea, SocialMonitoring
from planning.coverage.parameters import Parameters
from planning.ranking import gap_classes
from planning.robust import robust_context
from planning.transit.access import indicator_definition as transit_indicator
from planning.transit.views import planner_facts

CATCHMENTS = (500, 750, 1000, 1250, 1500, 2000)
MSS_WEIGHTS = (0, 0.25, 0.5, 0.75, 1)


def planner_strings():
    return {
        "rank": _("Rang"),
        "planningArea": _("Planungsraum"),
        "ortsteil": _("Ortsteil"),
        "need": _("Bedarf"),
        "access": _("Erreichbarkeit"),
        "accessIndex": _("Erreichbarkeit (Bezirk = 100)"),
        "gapScore": _("Lückenwert"),
        "gapClass": _("Klasse"),
        "legendTitle": _("Versorgungslücke (Klasse 5 = größte Lücke)"),
        "legendSource": _("E2SFCA-Analyse der veröffentlichten Organisationen und Treffpunkte"),
        "noDataLegend": _("keine Daten"),
        "details": _("Zahlen hinter dem Rang"),
        "detailsOf": _("Zahlen hinter dem Rang von %(name)s"),
        "residents": _("Einwohner:innen"),
        "migrationBackground": _("mit Migrationshintergrund"),
        "mssStatus": _("Sozialer Status (MSS 2021)"),
        "noData": _("keine Angabe"),
        "needWeighted": _("Bedarf (gewichtete Personen)"),
        "accessAbsolute": _("Erreichbarkeit A (Angebote je 1.000 Personen mit Bedarf)"),
        "supplyInReach": _("Angebote in Reichweite (bis %(metres)s m)"),
        "supplyKinds": {"organisation": _("Organisationen"), "meeting_place": _("Treffpunkte"),
                        "facility": _("Einrichtungen"), "what_if": _("gedachte Treffpunkte")},
        "supplyZones": _("davon bis %(near)s m: %(count)s"),
        "demandPoints": _("Rasterpunkte (250 m)"),
        "openProfile": _("Profil öffnen"),
        "placeHere": _("Gedachten Treffpunkt hier setzen"),
        "loading": _("Wird geladen …"),
        "loadError": _("Die Daten konnten nicht geladen werden."),
        "updated": _("Liste aktualisiert: %(count)s Planungsräume, Einzugsbereich %(catchment)s m."),
        "whatIfUpdated": _("Mit %(count)s gedachten Treffpunkten neu berechnet."),
        "rankChange": _("Rang vorher %(before)s, nachher %(after)s"),
        "rankBetter": _("Lücke kleiner"),
        "rankWorse": _("Lücke rückt vor"),
        "pointLabel": _("Gedachter Treffpunkt %(n)s"),
        "pointIn": _("in %(area)s"),
        "remove": _("Entfernen"),
        "removeLabel": _("Gedachten Treffpunkt %(n)s entfernen"),
        "noPoints": _("Noch keine gedachten Treffpunkte. Klicken Sie in die Karte oder nutzen Sie das Formular."),
        "pointAdded": _("Gedachter Treffpunkt %(n)s gesetzt in %(area)s."),
        "pointRemoved": _("Gedachter Treffpunkt entfernt."),
        "outside": _("Dieser Punkt liegt außerhalb Spandaus."),
        "geocodeNotFound": _("Keine passende Adresse in Spandau gefunden."),
        "maxPoints": _("Höchstens 50 gedachte Treffpunkte."),
        "before": _("vorher"),
        "after": _("nachher"),
        "tooltip": _("%(name)s: Rang %(rank)s, Klasse %(cls)s"),
        # The tooltip while the map is coloured by an indicator ("Karte färben nach"): its label and value.
        "tooltipIndicator": _("%(name)s: %(label)s %(value)s"),
        "housingEstates": _("Großwohnsiedlungen (abgeleitet)"),
        "derivedEstate": _("Abgeleitet aus Planungsräumen, kein amtlicher Umriss"),
        "ortsteilLayer": _("Ortsteile"),
        "transitAccess": _("ÖPNV-Anbindung (gewichtet nach Fahrtenangebot)"),
        "transitShort": _("ÖPNV"),
        "transitReach": _("Haltestelle in Reichweite"),
        "railDistance": _("Nächste S-, U- oder Regionalbahn (Median, Luftlinie)"),
        # The entries a catchment counts (ranked-list.js, planner-state.js countedLines).
        "supplyKind": {"organisation": _("Organisation"), "meeting_place": _("Treffpunkt"),
                       "facility": _("Einrichtung")},
        "countedEntries": _("Gezählte Angebote im Einzugsbereich (%(count)s)"),
        "noneCounted": _("Kein Angebot im Einzugsbereich."),
        "countedNote": _("Entfernung: Luftlinie zum nächsten Rasterpunkt des Planungsraums. Auf der Karte "
                         "umringt; gestrichelt, was nur zum Teil zählt."),
        "metres": _("%(metres)s m"),
        "countsFull": _("zählt voll"),
        # "%%" is a percent sign to gettext; the script fills %(percent)s itself.
        "countsPart": _("zählt zu %(percent)s %%") % {"percent": "%(percent)s"},
        "sample": _("Beispiel/Sample"),
        "locationArea": _("Lage nur auf Ebene des Planungsraums"),
    }


class PlannerView(TemplateView):
    template_name = "planning/planner.html"

    @method_decorator(ensure_csrf_cookie)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        areas = list(PlanningArea.objects.select_related("ortsteil", "population", "social_monitoring")
                     .order_by("name"))
        points = public_points([area.pk for area in areas])
        transit_facts = planner_facts()
        area_facts = {}
        for area in areas:
            population = getattr(area, "population", None)
            monitoring = getattr(area, "social_monitoring", None)
            valid = bool(monitoring and monitoring.valid and monitoring.status_index)
            point = points.get(area.pk)
            area_facts[area.key] = {
                "name": area.name,
                "ortsteil": area.ortsteil.name,
                "ortsteilKey": area.ortsteil.key,
                "residents": population.residents if population else None,
                "migrationBackground": population.with_migration_background if population else None,
                "migrationBackgroundShare": population.migration_background_share if population else None,
                "mssStatus": monitoring.status_index if valid else None,
                "mssLabel": str(SocialMonitoring.STATUS_CLASSES.get(monitoring.status_index)) if valid else None,
                "point": [point.lon, point.lat] if point else None,
                # Public transport (planning/transit/): the table's column and the map's indicator.
                **transit_facts.get(area.key, {}),
            }
        defaults = Parameters()
        context["areas"] = areas
        context["facility_types"] = FacilityType.objects.order_by("name")
        context["catchments"] = CATCHMENTS
        context["mss_weights"] = MSS_WEIGHTS
        context["defaults"] = defaults
        context["map_credits"] = map_credits()
        context["robust"] = robust_context()
        context["planner_config"] = {
            **base_map(),
            "api": {
                "coverage": reverse("planning:api:coverage"),
                "coverageCsv": reverse("planning:api:coverage-csv"),
                "whatIf": reverse("planning:api:coverage-what-if"),
                "geocode": reverse("api-geocode"),
                "ortsteile": reverse("geodata:api:ortsteile"),
                "housingEstates": reverse("geodata:api:housing-estates"),
                "figures": reverse("planning:planner-figures", kwargs={"key": "__key__"}),
                "profile": reverse("planning:planning-area-profile", kwargs={"key": "__key__"}),
                "transitAccess": reverse("planning:api:transit-access"),
            },
            "defaults": {"catchment": defaults.catchment, "need": defaults.need,
                         "mss_weight": defaults.mss_weight, "supply_types": list(defaults.supply_types)},
            "classes": gap_classes(),
            # Indicators the map may colour the planning areas by besides the gap: key, label, unit, source_note,
            # classes as in geodata.indicators, and values {planning area key: value} (also at /api/transit-access/).
            "indicators": [{**transit_indicator(),
                            "values": {key: facts.get("transitAccess") for key, facts in transit_facts.items()}}],
            "areas": area_facts,
            "strings": planner_strings(),
            # Organisations and meeting places over the gaps (static/atlas/js/planning/supply-layer.js).
            "directory": directory_config(),
            # The stations (static/atlas/js/map/transit-layer.js).
            "transit": transit.map_config(),
        }
        return context
