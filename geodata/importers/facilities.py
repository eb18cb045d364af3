"""Social infrastructure points: official Geoportal layers, OpenStreetMap and hilf-mir.berlin.

Each point gets its planning area and Ortsteil by point-in-polygon against the imported areas; the
source's own `atlas_plr_id` must agree (disagreements are reported, the computed area wins).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from geodata.importers import sources
from geodata.importers.areas import TO_METRIC
from geodata.importers.readers import EMPTY_PLACEHOLDERS, read_geojson, text
from geodata.models import Facility, FacilityType

# key: (name, map colour). Created when missing; existing types are left alone, since coordinators
# may have renamed or recoloured them.
FACILITY_TYPES = {
    "kita": (gettext_noop("Kita"), "#f28e2b"),
    "school": (gettext_noop("Schule"), "#4e79a7"),
    "youth_centre": (gettext_noop("Jugendfreizeiteinrichtung"), "#59a14f"),
    "care_home": (gettext_noop("Pflegeeinrichtung"), "#9c755f"),
    "counselling": (gettext_noop("Psychosoziale Beratung"), "#b07aa1"),
    "community_centre": (gettext_noop("Nachbarschafts- und Stadtteilzentrum"), "#e15759"),
    "place_of_worship": (gettext_noop("Religiöse Gemeinde"), "#76b7b2"),
    "library": (gettext_noop("Bibliothek"), "#edc948"),
    "doctor": (gettext_noop("Arztpraxis"), "#ff9da7"),
    "pharmacy": (gettext_noop("Apotheke"), "#bab0ac"),
    "clinic": (gettext_noop("Klinik / MVZ"), "#d37295"),
    "playground": (gettext_noop("Spielplatz"), "#8cd17d"),
    "sports_centre": (gettext_noop("Sportanlage"), "#499894"),
}

# OSM categories that are social infrastructure, and their facility type.
OSM_CATEGORIES = {
    "community-centers": "community_centre",
    "places-of-worship": "place_of_worship",
    "libraries": "library",
    "doctors": "doctor",
    "pharmacies": "pharmacy",
    "clinics": "clinic",
    "playgrounds": "playground",
    "sport-centers": "sports_centre",
}
# Skipped on purpose (see docs/data.md): schools, kindergartens and childcare duplicate the official
# layers; the rest is transport and retail, not social infrastructure.
OSM_SKIPPED = {"schools", "kindergartens", "childcare", "bus-stops", "sbahn-stops", "ubahn-stops",
               "supermarkets", "post-offices", "marketplaces"}

URL = URLValidator(schemes=["http", "https"])
FIELDS = ("name", "facility_type_id", "street", "postcode", "website", "capacity", "operator", "geom",
          "geom_metric", "planning_area_id", "ortsteil_id", "attributes")


@dataclass(frozen=True)
class Layer:
    spec: sources.Source
    label: str
    key_column: str
    required: tuple
    parse: object  # properties → dict of Facility values without location


def _street(*parts):
    return " ".join(part for part in (text(p) for p in parts) if part)


def _website(value):
    """The first URL in a cell such as 'http://nakla.berlin (offline) '; '' when there is none."""
    value = text(value)
    if not value:
        return ""
    value = value.split()[0]
    if "://" not in value:
        value = "https://" + value
    try:
        URL(value)
    except ValidationError:
        return ""
    return value[:400]


def _postcode(value):
    value = text(value)
    return value if len(value) == 5 and value.isdigit() else ""


def _capacity(value):
    value = text(value)
    # 0 places is how the youth-centre layer says "not given".
    return int(value) if value.isdigit() and int(value) > 0 else None


def _kita(p):
    return {"name": text(p["e_name"]), "facility_type": "kita", "street": _street(p["e_strasse"], p["e_hnr"]) +
            text(p.get("e_zusatz")), "postcode": _postcode(p["e_plz"]), "website": _website(p.get("e_web")),
            "capacity": _capacity(p.get("e_platz")), "operator": text(p.get("t_name"))}


def _school(p):
    return {"name": text(p["name"]), "facility_type": "school", "street": _street(p["strasse"], p["hausnr"]),
            "postcode": _postcode(p["plz"]), "website": _website(p.get("internet")), "capacity": None,
            "operator": text(p.get("traeger"))}


def _youth_centre(p):
    zusatz = text(p.get("e_zus"))
    return {"name": text(p["e_name"]), "facility_type": "youth_centre",
            "street": _street(p["e_strasse"], p["e_hnr"]) + zusatz, "postcode": _postcode(p["e_plz"]),
            "website": _website(p.get("e_web")), "capacity": _capacity(p.get("e_platz")),
            "operator": text(p.get("t_name"))}


def _care_home(p):
    return {"name": text(p["einrichtung_name"]), "facility_type": "care_home",
            "street": _street(p["gc_strasse"], p["gc_haus"]), "postcode": _postcode(p["gc_plz"]), "website": "",
            "capacity": _capacity(p.get("platzzahl")), "operator": text(p.get("traegername"))}


def _osm(p):
    facility_type = OSM_CATEGORIES[p["category"]]
    return {"name": text(p.get("name")) or _(FACILITY_TYPES[facility_type][0]), "facility_type": facility_type,
            "street": text(p.get("street")), "postcode": _postcode(p.get("zip-code")), "website": "",
            "capacity": None, "operator": ""}


HILFMIR_EMPTY = EMPTY_PLACEHOLDERS | {"0"}  # this source writes 0 for "empty"


def _counselling(p):
    street, number = text(p["Strasse"], HILFMIR_EMPTY), text(p.get("Hausnummer"), HILFMIR_EMPTY)
    if number and street.endswith(" " + number):  # some rows repeat the number in the street column
        number = ""
    return {"name": text(p["Einrichtung"]), "facility_type": "counselling", "street": _street(street, number),
            "postcode": _postcode(p.get("PLZ")), "website": _website(text(p.get("Website"), HILFMIR_EMPTY)),
            "capacity": None, "operator": text(p.get("Träger"), HILFMIR_EMPTY)}


LAYERS = (
    Layer(sources.KITAS, gettext_noop("Kitas"), "e_nr", ("e_nr", "e_name", "e_strasse", "e_hnr", "e_plz"), _kita),
    Layer(sources.SCHULEN, gettext_noop("Schulen"), "bsn", ("bsn", "name", "strasse", "hausnr", "plz"), _school),
    Layer(sources.JUGENDFREIZEIT, gettext_noop("Jugendfreizeit"), "e_nr",
          ("e_nr", "e_name", "e_strasse", "e_hnr", "e_plz"), _youth_centre),
    Layer(sources.PFLEGE, gettext_noop("Pflege"), "ik_nummer",
          ("ik_nummer", "einrichtung_name", "gc_strasse", "gc_haus", "gc_plz"), _care_home),
    Layer(sources.OSM_POI, gettext_noop("OpenStreetMap"), "id", ("id", "category"), _osm),
    Layer(sources.HILFMIR, gettext_noop("hilf-mir.berlin"), "ID", ("ID", "Einrichtung", "Strasse"), _counselling),
)
EXPECTED_COUNTS = {sources.KITAS.key: 153, sources.SCHULEN.key: 59, sources.JUGENDFREIZEIT.key: 35,
                   sources.PFLEGE.key: 20, sources.OSM_POI.key: 935, sources.HILFMIR.key: 13}


def _fit(value, max_length):
    return value if len(value) <= max_length else value[:max_length - 1] + "…"


def _attributes(properties, placeholders):
    """The original attributes, with placeholder strings emptied ("Anzeigen" is a real 0/1 flag)."""
    return {name: ("" if isinstance(value, str) and value.strip() in placeholders and name != "Anzeigen" else value)
            for name, value in properties.items()}


def read_facilities(ctx, areas):
    """{source key: {source_key: Facility values}} for all facility layers."""
    locator = _Locator(areas)
    result = {}
    for layer in LAYERS:
        source = ctx.open(layer.spec)
        records = {}
        features = read_geojson(source, ("Point",), layer.required, EXPECTED_COUNTS[layer.spec.key])
        placeholders = HILFMIR_EMPTY if layer.spec is sources.HILFMIR else EMPTY_PLACEHOLDERS
        for feature in features:
            props = feature.properties
            if layer.spec is sources.OSM_POI and props["category"] not in OSM_CATEGORIES:
                if props["category"] not in OSM_SKIPPED:
                    ctx.report.warnings.append(_("%(file)s, Objekt %(number)d: unbekannte Kategorie „%(cat)s“ "
                                                 "übersprungen") % {"file": source.name, "number": feature.number,
                                                                    "cat": props["category"]})
                continue
            source_key = text(props[layer.key_column])
            if not source_key:
                raise source.error(_("Kennung „%(column)s“ fehlt") % {"column": layer.key_column}, feature.number)
            if source_key in records:
                raise source.error(_("Kennung %(key)s kommt doppelt vor") % {"key": source_key}, feature.number)
            values = layer.parse(props)
            if not values["name"]:
                raise source.error(_("Name fehlt"), feature.number)
            for name in ("name", "street", "operator"):  # the full text stays in the attributes
                values[name] = _fit(values[name], Facility._meta.get_field(name).max_length)
            plr, ortsteil = locator.locate(source, feature)
            if props.get("atlas_plr_id") not in (None, plr):
                ctx.report.warnings.append(
                    _("%(file)s, Objekt %(number)d (%(name)s): Quelle nennt Planungsraum %(given)s, der Punkt liegt "
                      "in %(found)s") % {"file": source.name, "number": feature.number, "name": values["name"],
                                         "given": props["atlas_plr_id"], "found": plr})
            values.update(geom=feature.geom, geom_metric=feature.geom.transform(TO_METRIC, clone=True),
                          planning_area=plr, ortsteil=ortsteil, attributes=_attributes(props, placeholders))
            records[source_key] = values
        result[layer.spec.key] = records
    return result


class _Locator:
    """Point-in-polygon against the imported areas, with prepared geometries."""

    def __init__(self, areas):
        self.bezirk = areas.bezirk.geom.prepared
        self.planning_areas = [(key, record.geom, record.geom.prepared)
                               for key, record in areas.planning_areas.items()]
        self.ortsteile = [(key, record.geom, record.geom.prepared) for key, record in areas.ortsteile.items()]

    def locate(self, source, feature):
        point = feature.geom
        if not self.bezirk.covers(point):
            raise source.error(_("Punkt %(point)s liegt außerhalb des Bezirks Spandau")
                               % {"point": point.wkt}, feature.number)
        return self._find(self.planning_areas, point), self._find(self.ortsteile, point)

    @staticmethod
    def _find(candidates, point):
        for key, _geom, prepared in candidates:
            if prepared.contains(point):
                return key
        # On a shared border: the nearest area (distance 0) is as good as any.
        return min(candidates, key=lambda candidate: candidate[1].distance(point))[0]


def write_facilities(records_by_source, area_objects, source_objects, report):
    types = _sync_facility_types(report)
    planning_areas, ortsteile = area_objects["planning_areas"], area_objects["ortsteile"]
    for layer in LAYERS:
        source = source_objects[layer.spec.key]
        desired = {}
        for source_key, values in records_by_source[layer.spec.key].items():
            row = {name: value for name, value in values.items()
                   if name not in ("facility_type", "planning_area", "ortsteil")}
            row.update(facility_type_id=types[values["facility_type"]].pk,
                       planning_area_id=planning_areas[values["planning_area"]].pk,
                       ortsteil_id=ortsteile[values["ortsteil"]].pk)
            desired[(source.pk, source_key)] = row
        report.sync(Facility, ("source_id", "source_key"), desired, FIELDS,
                    _("Einrichtungen: %(layer)s") % {"layer": _(layer.label)},
                    queryset=Facility.objects.filter(source=source))


def _sync_facility_types(report):
    counter = report.layer(_("Einrichtungsarten"))
    existing = {facility_type.key: facility_type for facility_type in FacilityType.objects.all()}
    missing = [FacilityType(key=key, name=_(name), colour=colour)
               for key, (name, colour) in FACILITY_TYPES.items() if key not in existing]
    if missing:
        FacilityType.objects.bulk_create(missing)
        counter.created += len(missing)
        existing = {facility_type.key: facility_type for facility_type in FacilityType.objects.all()}
    counter.unchanged += len(FACILITY_TYPES) - len(missing)
    return existing

