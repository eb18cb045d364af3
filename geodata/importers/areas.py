"""Bezirk, Ortsteile and the LOR 2021 hierarchy (Prognoseräume, Bezirksregionen, Planungsräume)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.gis.gdal import CoordTransform, SpatialReference
from django.utils.translation import gettext as _

from geodata.importers import sources
from geodata.importers.readers import (
    BZR_KEY,
    ORTSTEIL_KEY,
    PGR_KEY,
    PLR_KEY,
    parse_key,
    parse_number,
    polygonal,
    read_geojson,
)
from geodata.models import Bezirk, Bezirksregion, Ortsteil, PlanningArea, Prognoseraum

POLYGONS = ("Polygon", "MultiPolygon")
# The LOR areas match their outlines to 0.1 %; the ALKIS Ortsteil areas (FLAECHE_HA) differ by up to
# 4 % (Spandau +3 %, Haselhorst -4 %: the published figure predates a border change). More than that
# means the geometry or the number belongs to something else.
AREA_TOLERANCE = {"lor": 0.01, "ortsteile": 0.05}
TO_METRIC = CoordTransform(SpatialReference(settings.STORAGE_SRID), SpatialReference(settings.METRIC_SRID))


@dataclass
class AreaRecord:
    key: str
    name: str
    geom: object  # MultiPolygon, EPSG:4326
    area_m2: float
    parent: str = ""  # key of the Prognoseraum (BZR) or Bezirksregion (PLR)
    ortsteil: str = ""  # PLR only
    metric: object = None  # the same outline in EPSG:25833

    def values(self):
        return {"name": self.name, "geom": self.geom, "area_m2": self.area_m2}


@dataclass
class Areas:
    bezirk: AreaRecord = None
    ortsteile: dict = field(default_factory=dict)
    prognoseraeume: dict = field(default_factory=dict)
    bezirksregionen: dict = field(default_factory=dict)
    planning_areas: dict = field(default_factory=dict)


def _record(source, feature, key_value, name, area_m2=None, parent="", tolerance=0.01):
    geom = polygonal(feature.geom)
    metric = geom.transform(TO_METRIC, clone=True)
    if area_m2 is None:
        area_m2 = metric.area
    elif abs(metric.area - area_m2) > tolerance * area_m2:
        raise source.error(_("Fläche %(published).0f m² passt nicht zur Geometrie (%(measured).0f m²)")
                           % {"published": area_m2, "measured": metric.area}, feature.number)
    return AreaRecord(key_value, name, geom, area_m2, parent=parent, metric=metric)


def _layer(ctx, spec, count, key_column, name_column, pattern, what, area_column, area_factor=1.0,
           tolerance=AREA_TOLERANCE["lor"]):
    source = ctx.open(spec)
    required = [key_column, name_column, area_column]
    records = {}
    for feature in read_geojson(source, POLYGONS, required, expected_count=count):
        props = feature.properties
        key_value = parse_key(source, feature.number, props[key_column], pattern, what)
        if key_value in records:
            raise source.error(_("Schlüssel %(key)s kommt doppelt vor") % {"key": key_value}, feature.number)
        area = parse_number(source, feature.number, props, area_column, kind="feature") * area_factor
        name = " ".join(str(props[name_column] or "").split())
        if not name:
            raise source.error(_("Name fehlt"), feature.number)
        records[key_value] = _record(source, feature, key_value, name, area, tolerance=tolerance)
    return records


def read_areas(ctx):
    areas = Areas()
    source = ctx.open(sources.BEZIRK)
    [feature] = read_geojson(source, POLYGONS, ("Schluessel", "Gemeinde_n"), expected_count=1)
    if feature.properties["Schluessel"] != "11000005":
        raise source.error(_("Gemeindeschlüssel %(key)s statt 11000005 (Spandau)")
                           % {"key": feature.properties["Schluessel"]}, 1)
    # "05" as in the LOR keys, so every area key starts with the Bezirk key.
    areas.bezirk = _record(source, feature, "05", feature.properties["Gemeinde_n"])

    areas.ortsteile = _layer(ctx, sources.ORTSTEILE, 9, "spatial_na", "OTEIL", ORTSTEIL_KEY,
                             _("Ortsteil-Schlüssel"), "FLAECHE_HA", area_factor=10_000,
                             tolerance=AREA_TOLERANCE["ortsteile"])
    areas.prognoseraeume = _layer(ctx, sources.PROGNOSERAEUME, 4, "PGR_ID", "PGR_NAME", PGR_KEY,
                                  _("Prognoseraum-Schlüssel"), "GROESSE_M2")
    areas.bezirksregionen = _layer(ctx, sources.BEZIRKSREGIONEN, 9, "BZR_ID", "BZR_NAME", BZR_KEY,
                                   _("Bezirksregion-Schlüssel"), "GROESSE_m2")
    areas.planning_areas = _layer(ctx, sources.PLANUNGSRAEUME, 45, "PLR_ID", "PLR_NAME", PLR_KEY,
                                  _("Planungsraum-Schlüssel"), "GROESSE_M2")
    # The LOR key is hierarchical: PLR 05200526 lies in BZR 052005, which lies in PGR 0520.
    _link_parents(ctx, sources.BEZIRKSREGIONEN, areas.bezirksregionen, areas.prognoseraeume, 4)
    _link_parents(ctx, sources.PLANUNGSRAEUME, areas.planning_areas, areas.bezirksregionen, 6)
    for record in areas.planning_areas.values():
        record.ortsteil = _largest_overlap(record, areas.ortsteile)
    return areas


def _link_parents(ctx, spec, children, parents, length):
    source = ctx.open(spec)
    for record in children.values():
        record.parent = record.key[:length]
        if record.parent not in parents:
            raise source.error(_("%(key)s: übergeordnetes Gebiet %(parent)s fehlt")
                               % {"key": record.key, "parent": record.parent})


def _largest_overlap(record, ortsteile):
    """The Ortsteil holding most of the planning area: LOR and Ortsteile are separate hierarchies, and
    a few planning areas cross an Ortsteil border."""
    point = record.metric.point_on_surface
    best = max(ortsteile.values(), key=lambda o: (o.metric.intersection(record.metric).area,
                                                  o.metric.contains(point)))
    return best.key


def write_areas(areas, source_objects, report):
    """Upsert the five layers; deletions of vanished areas wait until facilities point elsewhere."""
    def sync(model, records, layer_name, source_spec, extra=lambda record: {}):
        source_id = source_objects[source_spec.key].pk
        desired = {key: {**record.values(), "source_id": source_id, **extra(record)}
                   for key, record in records.items()}
        fields = list(next(iter(desired.values())))
        return report.sync(model, "key", desired, fields, layer_name, on_missing="defer")

    result = {"bezirk": sync(Bezirk, {areas.bezirk.key: areas.bezirk}, _("Bezirk"), sources.BEZIRK)}
    result["ortsteile"] = sync(Ortsteil, areas.ortsteile, _("Ortsteile"), sources.ORTSTEILE)
    result["prognoseraeume"] = sync(Prognoseraum, areas.prognoseraeume, _("Prognoseräume"),
                                    sources.PROGNOSERAEUME)
    result["bezirksregionen"] = sync(
        Bezirksregion, areas.bezirksregionen, _("Bezirksregionen"), sources.BEZIRKSREGIONEN,
        lambda record: {"prognoseraum_id": result["prognoseraeume"][record.parent].pk})
    result["planning_areas"] = sync(
        PlanningArea, areas.planning_areas, _("Planungsräume"), sources.PLANUNGSRAEUME,
        lambda record: {"bezirksregion_id": result["bezirksregionen"][record.parent].pk,
                        "ortsteil_id": result["ortsteile"][record.ortsteil].pk})
    return result
