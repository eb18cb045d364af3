"""Configuration of the directory scripts (map panel and embed): API addresses, vocabularies and
UI texts, translated on the server like geodata.views.map_strings()."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from atlas.directory.models import Category, Language, MeetingPlaceType
from common.basemap import base_map
from common.plurals import plural_table

FILTER_KEYS = ("q", "category", "language", "target_group", "ortsteil", "type", "open_now", "wheelchair")


def directory_strings():
    return {
        "directory": _("Verzeichnis"),
        "organisations": _("Organisationen"),
        "meetingPlaces": _("Treffpunkte"),
        "organisation": _("Organisation"),
        "meetingPlace": _("Treffpunkt"),
        "sample": _("Beispiel/Sample"),
        "results": _("Treffer: {count}"),
        "resultsNear": _("Treffer: {count}, nach Entfernung sortiert"),
        "noResults": _("Keine Einträge gefunden. Bitte Filter lockern."),
        "shownOf": _("{shown} von {count} angezeigt"),
        "more": _("Weitere {count} anzeigen"),
        "loading": _("Wird geladen …"),
        "didYouMean": _("Meinten Sie: {suggestions}?"),
        "metres": _("{m} m"),
        "walking": _("{min} Min. zu Fuß"),
        "distance": _("Entfernung"),
        "showOnMap": _("Auf der Karte zeigen"),
        "details": _("Details"),
        "detailsOf": _("Details zu {name}"),
        "languages": _("Sprachen"),
        "locating": _("Standort wird ermittelt …"),
        "geolocationDenied": _("Der Standort ist nicht freigegeben. Bitte eine Adresse eingeben."),
        "geolocationUnavailable": _("Der Standort konnte nicht ermittelt werden. Bitte eine Adresse eingeben."),
        "myLocation": _("mein Standort"),
        "nearOf": _("Nähe von: {label}"),
        "approximateNear": _(
            "Die Adresse ist nur auf ihren Planungsraum genau bekannt (das amtliche Adressverzeichnis hat "
            "keine Koordinaten): Entfernungen sind Näherungswerte."
        ),
        "geocodeError": _("Adresse nicht gefunden."),
        "searching": _("Wird gesucht …"),
        "placesNotFiltered": _("Treffpunkte haben keine Tätigkeitsfelder, Sprachen oder Zielgruppen und "
                               "sind bei diesen Filtern ausgeblendet."),
        "locationArea": _("Lage nur auf Ebene des Planungsraums"),
        "loadError": _("Die Daten konnten nicht geladen werden."),
        "you": _("Suchpunkt"),
        # What a result says (static/atlas/js/directory/result-summary.js)
        "areaOnly": _("nur Gebiet"),
        "openNow": _("jetzt geöffnet"),
        "closedNow": _("jetzt geschlossen"),
        "today": _("heute %(times)s"),
        "closedToday": _("heute geschlossen"),
        "wheelchairYes": _("rollstuhlgerecht"),
        "wheelchairLimited": _("eingeschränkt rollstuhlgerecht"),
        "route": _("Route zu Fuß"),
        "routeOf": _("Route zu Fuß: %(name)s (öffnet in neuem Tab)"),
        # The accessible name of a cluster of markers: a plural table (common/plurals.py), not a string.
        "clusterEntries": plural_table(
            lambda n: ngettext("%(count)s Eintrag – hineinzoomen", "%(count)s Einträge – hineinzoomen", n)
        ),
    }


def api_urls():
    # The directory API lives next to the geocoder under /api/ (atlas/directory/api/urls.py).
    base = reverse("api-geocode").removesuffix("geocode/")
    return {
        "organisations": f"{base}organisations/",
        "meetingPlaces": f"{base}meeting-places/",
        "organisationsMap": reverse("api-organisations-map"),
        "meetingPlacesMap": reverse("api-meeting-places-map"),
        "geocode": f"{base}geocode/",
        "ortsteile": reverse("geodata:api:ortsteile"),
    }


def directory_config(locked=None, embed=False):
    """`locked`: filters fixed by an embedding page (hidden and not changeable)."""
    return {
        "api": api_urls(),
        "strings": directory_strings(),
        # Vocabulary names in the reader's language (Vocabulary.label); languages by their native names.
        "categories": {c.key: {"name": c.label, "colour": c.colour} for c in Category.objects.all()},
        "languages": {lang.code: {"name": lang.native_name, "rtl": lang.rtl} for lang in Language.objects.all()},
        "placeTypes": {t.key: t.label for t in MeetingPlaceType.objects.all()},
        "routeUrl": settings.ATLAS_ROUTE_URL,
        "detailUrls": {
            "organisation": reverse("atlas:organisation-detail", kwargs={"slug": "__slug__"}),
            "meetingPlace": reverse("atlas:meeting-place-detail", kwargs={"slug": "__slug__"}),
        },
        "listPageSize": settings.ATLAS_DIRECTORY_LIST_PAGE_SIZE,
        "locked": locked or {},
        "embed": embed,
    }


def locked_filters(query):
    """Filters an embedding page fixed in the embed URL (only known keys, short values)."""
    return {key: query[key][:100] for key in FILTER_KEYS if query.get(key)}


def base_map_config():
    """Centre, zoom and tiles of a small map without the statistics layers (embed, detail pages)."""
    return {**base_map(), "api": {"ortsteile": reverse("geodata:api:ortsteile")}}
