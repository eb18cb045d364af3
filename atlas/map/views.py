"""The map (/), the residents' home: the Ortsteile and planning-area figures, social infrastructure,
housing estates, the events layer and the directory panel."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from atlas.directory.config import directory_config
from atlas.directory.models import Language
from atlas.events.models import Topic
from common.basemap import base_map
from common.plurals import plural_table
from common.publication import PublicationStatus
from geodata import transit
from geodata.credits import map_credits
from geodata.indicators import ORIGIN_HIERARCHY, indicator_definitions, origin_labels


def map_strings():
    """Texts the map script shows, translated on the server (the script holds no UI language)."""
    return {
        "residents": _("Einwohner:innen"),
        "migrationBackground": _("mit Migrationshintergrund"),
        "foreigners": _("Ausländer:innen"),
        "female": _("weiblich"),
        "ageGroups": _("Altersgruppen"),
        "origin": _("Herkunftsgebiete (Personen mit Migrationshintergrund)"),
        "mssStatus": _("Sozialer Status (MSS 2021)"),
        "mssDynamics": _("Dynamik (MSS 2021)"),
        "unemployment": _("Arbeitslosigkeit"),
        "transferBenefits": _("Transferbezug"),
        "childPoverty": _("Kinderarmut"),
        "municipalHousing": _("Anteil städtischer Wohnungsbaugesellschaften"),
        "ortsteil": _("Ortsteil"),
        "planningArea": _("Planungsraum"),
        "area": _("Fläche"),
        "sources": _("Quellen"),
        "noData": _("keine Angabe"),
        "noDataLegend": _("keine Daten"),
        "loading": _("Wird geladen …"),
        "loadError": _("Die Daten konnten nicht geladen werden."),
        "facilities": _("Einrichtungen"),
        "housingEstates": _("Großwohnsiedlungen (abgeleitet)"),
        "derivedEstate": _("Abgeleitet aus Planungsräumen, kein amtlicher Umriss"),
        "planningAreas": _("Planungsräume"),
        "showTable": _("Tabelle der Planungsräume"),
        "legendTitle": _("Legende"),
        "address": _("Adresse"),
        "capacity": _("Plätze"),
        "operator": _("Träger"),
        "website": _("Website"),
        "type": _("Art"),
        "count": _("Anzahl"),
        "ageBelow6": _("unter 6"),
        "age6to15": _("6 bis unter 15"),
        "age15to18": _("15 bis unter 18"),
        "age18to27": _("18 bis unter 27"),
        "age27to45": _("27 bis unter 45"),
        "age45to55": _("45 bis unter 55"),
        "age55to65": _("55 bis unter 65"),
        "ageAbove65": _("65 und älter"),
        "km2": _("km²"),
        "persons": _("Personen"),
        "openProfile": _("Profil öffnen"),
        # The events layer (static/atlas/js/events/events-layer.js).
        "eventsCount": _("Treffer: {count}"),
        "eventsNone": _("Zurzeit keine kommenden Veranstaltungen. Bitte Filter lockern oder später wieder schauen."),
        "eventsWhen": _("Wann"),
        "eventsWhere": _("Wo"),
        "eventsDetails": _("Details"),
        "eventsShowOnMap": _("Auf der Karte zeigen"),
        "eventsSample": _("Beispiel/Sample"),
        # Accessible names of marker clusters: plural tables (common/plurals.py), not strings.
        "clusterEvents": plural_table(
            lambda n: ngettext("%(count)s Veranstaltung – hineinzoomen", "%(count)s Veranstaltungen – hineinzoomen", n)
        ),
        "clusterFacilities": plural_table(
            lambda n: ngettext("%(count)s Einrichtung – hineinzoomen", "%(count)s Einrichtungen – hineinzoomen", n)
        ),
    }


class MapView(TemplateView):
    template_name = "map/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicators = indicator_definitions()
        context["indicators"] = indicators
        # Filters of the events layer: all topics, the languages of upcoming published events.
        context["event_topics"] = Topic.objects.all()
        context["event_languages"] = (
            Language.objects.filter(events__status=PublicationStatus.PUBLISHED, events__end__gte=timezone.now())
            .distinct().order_by("german_name")
        )
        context["map_credits"] = map_credits()
        context["map_config"] = {
            **base_map(),
            "indicators": indicators,
            "strings": map_strings(),
            "originLabels": origin_labels(),
            "originHierarchy": ORIGIN_HIERARCHY,
            "api": {
                "ortsteile": reverse("geodata:api:ortsteile"),
                "planningAreas": reverse("geodata:api:planning-areas"),
                "facilities": reverse("geodata:api:facilities"),
                "facilityTypes": reverse("geodata:api:facility-types"),
                "housingEstates": reverse("geodata:api:housing-estates"),
                "events": reverse("api-events"),
            },
            # Profile pages, "__key__" replaced by the area's key (panel.js "Profil öffnen").
            "profiles": {
                "planningArea": reverse("planning:planning-area-profile", kwargs={"key": "__key__"}),
                "ortsteil": reverse("planning:ortsteil-profile", kwargs={"key": "__key__"}),
            },
            # The directory panel (organisations and meeting places): its API, vocabularies and texts.
            "directory": directory_config(),
            # Bus and train stops: the layer and the nearest stops in popups (static/atlas/js/map/transit-layer.js).
            "transit": transit.map_config(),
        }
        return context
