"""Which columns an export has and what goes into them."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import (
    Category,
    Community,
    Language,
    LocationPrecision,
    MeetingPlace,
    Organisation,
    TargetGroup,
)
from atlas.geocoding.areas import area_index


@dataclass
class Record:
    """One exported entry: ordered (header, key, value) cells and the point, if it may be shown."""

    cells: list
    lon: float | None = None
    lat: float | None = None


def _names(manager):
    return [str(item.name) for item in manager.all()]


def _located(entry, exact, cells):
    """Address, areas and point. When the exact location is private (an individual without consent),
    only the planning area: its representative point with precision "Planungsraum", as in the API."""
    planning_area = entry.planning_area if entry.planning_area_id else None
    if exact:
        ortsteil = entry.ortsteil.name if entry.ortsteil_id else ""
        point = entry.location
        precision = entry.get_location_precision_display() if point is not None and entry.location_precision else ""
        lon, lat = (round(point.x, 6), round(point.y, 6)) if point is not None else (None, None)
    else:
        ortsteil = planning_area.ortsteil.name if planning_area else ""
        lon = lat = None
        precision = ""
        if planning_area:
            area = area_index().planning_areas.get(planning_area.key)
            if area is not None:
                lon, lat = round(area.point[0], 6), round(area.point[1], 6)
                precision = LocationPrecision.PLANNING_AREA.label
    cells += [
        (_("Straße"), "street", entry.street if exact else ""),
        (_("PLZ"), "postcode", entry.postcode if exact else ""),
        (_("Ortsteil"), "ortsteil", ortsteil),
        (_("Planungsraum"), "planning_area", planning_area.name if planning_area else ""),
        (_("Planungsraum-Schlüssel"), "planning_area_key", planning_area.key if planning_area else ""),
        (_("Breitengrad"), "lat", lat),
        (_("Längengrad"), "lon", lon),
        (_("Genauigkeit der Lage"), "location_precision", str(precision)),
    ]
    return lon, lat


def organisation_record(org, public=True):
    exact = org.shows_exact_location or not public
    contact = org.consent_publish_contact or not public
    cells = [
        (_("Name"), "name", org.name),
        (_("Kurzname"), "slug", org.slug),
        (_("Art"), "kind", org.get_kind_display()),
        (_("Kurzbeschreibung"), "short_description", org.short_description),
        (_("Beschreibung"), "description", org.description),
        (_("Tätigkeitsfelder"), "categories", _names(org.categories)),
        (_("Sprachen"), "languages", [language.german_name for language in org.languages.all()]),
        (_("Zielgruppen"), "target_groups", _names(org.target_groups)),
        (_("Communities"), "communities", _names(org.communities)),
    ]
    lon, lat = _located(org, exact, cells)
    cells += [
        (_("Website"), "website", org.website if contact else ""),
        (_("E-Mail"), "email", org.email if contact else ""),
        (_("Telefon"), "phone", org.phone if contact else ""),
        (_("Barrierefreiheit"), "wheelchair_access", org.get_wheelchair_access_display()),
        (_("Hinweis zu Öffnungszeiten"), "opening_hours_note", org.opening_hours_note),
        (_("Netzwerkmitglied"), "network_member", org.network_member),
        (_("Gründungsjahr"), "founded_year", org.founded_year),
        (_("Rechtsform"), "legal_form", org.legal_form),
        (_("zuletzt geprüft"), "last_verified", org.last_verified.isoformat() if org.last_verified else ""),
        (_("Beispieldatensatz"), "is_sample", org.is_sample),
    ]
    if not public:
        cells += _internal(org) + [
            (_("Einwilligung Kontakt"), "consent_publish_contact", org.consent_publish_contact),
            (_("Einwilligung Adresse"), "consent_publish_address", org.consent_publish_address),
        ]
    return Record(cells=cells, lon=lon, lat=lat)


def meeting_place_record(place, public=True):
    cells = [
        (_("Name"), "name", place.name),
        (_("Kurzname"), "slug", place.slug),
        (_("Art"), "kind", place.place_type.name),
        (_("Kurzbeschreibung"), "short_description", place.short_description),
        (_("Beschreibung"), "description", place.description),
    ]
    # Meeting places are public places: address and institutional contact are always shown.
    lon, lat = _located(place, True, cells)
    cells += [
        (_("Website"), "website", place.website),
        (_("E-Mail"), "email", place.email),
        (_("Telefon"), "phone", place.phone),
        (_("Betreiber"), "operator_name", place.operator_name or (place.operator.name if place.operator_id else "")),
        (_("buchbar"), "bookable", place.bookable),
        (_("Kosten"), "cost", place.cost),
        (_("Barrierefreiheit"), "wheelchair_access", place.get_wheelchair_access_display()),
        (_("Hinweise zur Barrierefreiheit"), "accessibility_note", place.accessibility_note),
        (_("Hinweis zu Öffnungszeiten"), "opening_hours_note", place.opening_hours_note),
        (_("zuletzt geprüft"), "last_verified", place.last_verified.isoformat() if place.last_verified else ""),
        (_("Beispieldatensatz"), "is_sample", place.is_sample),
        (_("Quelle"), "source", "; ".join(source.attribution for source in place.all_sources())),
    ]
    if not public:
        cells += _internal(place)
    return Record(cells=cells, lon=lon, lat=lat)


def _internal(entry):
    return [
        (_("Status"), "status", entry.get_status_display()),
        (_("Lage fehlt"), "needs_location", entry.needs_location),
        (_("Lage von Hand gesetzt"), "location_set_manually", entry.location_set_manually),
        (_("angelegt"), "created", entry.created.date().isoformat() if entry.created else ""),
        (_("geändert"), "updated", entry.updated.date().isoformat() if entry.updated else ""),
    ]


def _organisations(queryset):
    return queryset.select_related("ortsteil", "planning_area__ortsteil").prefetch_related(
        Prefetch("categories", Category.objects.order_by("position", "name")),
        Prefetch("languages", Language.objects.order_by("german_name")),
        Prefetch("target_groups", TargetGroup.objects.order_by("position", "name")),
        Prefetch("communities", Community.objects.order_by("position", "name")),
    ).order_by("name", "pk")


def _meeting_places(queryset):
    return (queryset.select_related("ortsteil", "planning_area__ortsteil", "place_type", "operator", "source")
            .prefetch_related("facilities__source").order_by("name", "pk"))


def public_rows(kind):
    """Records of the published organisations or meeting places ("organisations" / "meeting-places")."""
    with translation.override("de"):
        if kind == "organisations":
            return [organisation_record(o) for o in _organisations(Organisation.objects.published())]
        return [meeting_place_record(p) for p in _meeting_places(MeetingPlace.objects.published())]


def admin_rows(queryset):
    """Records of any selection, with internal fields – for coordinators in the admin only."""
    with translation.override("de"):
        if queryset.model is Organisation:
            return [organisation_record(o, public=False) for o in _organisations(queryset)]
        return [meeting_place_record(p, public=False) for p in _meeting_places(queryset)]
