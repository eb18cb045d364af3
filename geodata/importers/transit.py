"""Public-transport stations of the VBB (vbb-stations), in Spandau and within 1.5 km of it.

The file gives a name, an id and a point per station, but no means of transport: the modes are read
from the VBB's names (``modes_from_name``), as docs/data.md describes.
"""

import re

from django.contrib.gis.geos import MultiPoint
from django.utils.translation import gettext as _

from geodata.importers import sources
from geodata.importers.areas import TO_METRIC
from geodata.importers.readers import STORAGE_SRID, parse_number, read_geojson, text
from geodata.models import TransitMode, TransitStop

EXPECTED_COUNT = 870
# The file keeps stations within 1,500 m of the Bezirk (measured in EPSG:25833); the margin absorbs the
# rounding of the published coordinates. Anything farther away does not belong in this layer.
MAX_DISTANCE_OUTSIDE_M = 1_510
REQUIRED = ("id", "name", "weight")
NAME_LENGTH = TransitStop._meta.get_field("name").max_length
FIELDS = ("name", "modes", "rapid_transit", "main_point", "geom", "geom_metric", "attributes")

# "S+U Rathaus Spandau (Berlin)", "S Spandau Bhf (Berlin)", "U Haselhorst (Berlin)": the VBB's prefixes
# of S-Bahn and U-Bahn stations.
RAIL_PREFIXES = (("S+U ", (TransitMode.SBAHN, TransitMode.UBAHN)), ("S ", (TransitMode.SBAHN,)),
                 ("U ", (TransitMode.UBAHN,)))
# "Berlin, Staaken Bhf", "Seegefeld, Bahnhof", "S Spandau Bhf (Berlin)": a railway station that regional
# trains serve ("Seegefeld, Bahnhof Nord" is the bus stop beside one).
REGIONAL_STATION = re.compile(r"(?:\bBhf|, Bahnhof)$")
LOCALITY_SUFFIX = re.compile(r"\s*\([^()]*\)$")


def modes_from_name(name):
    """TransitMode values of a VBB station name, rail first; a stop without rail is a bus stop (the
    names do not mark tram stops or ferry piers: Spandau has no tram, and the one pier, Alt-Kladow,
    shares its name with the bus stops there)."""
    modes = []
    for prefix, prefix_modes in RAIL_PREFIXES:
        if name.startswith(prefix):
            modes.extend(prefix_modes)
            break
    if REGIONAL_STATION.search(LOCALITY_SUFFIX.sub("", name)):
        modes.append(TransitMode.REGIONAL)
    return [str(mode) for mode in modes] or [str(TransitMode.BUS)]


def read_transit_stops(ctx, areas):
    """{VBB id: TransitStop values}; refuses the file when a station lies farther than 1.5 km outside."""
    source = ctx.open(sources.VBB_STATIONS)
    bezirk, bezirk_prepared = areas.bezirk.metric, areas.bezirk.metric.prepared
    records = {}
    features = read_geojson(source, ("Point",), REQUIRED, EXPECTED_COUNT)
    # One transformation for all points: one per point took most of the time of this layer.
    metric_points = MultiPoint([feature.geom for feature in features], srid=STORAGE_SRID).transform(TO_METRIC,
                                                                                                     clone=True)
    for feature, metric in zip(features, metric_points, strict=True):
        props = feature.properties
        key = text(props["id"])
        if not key:
            raise source.error(_("Kennung „%(column)s“ fehlt") % {"column": "id"}, feature.number)
        if key in records:
            raise source.error(_("Kennung %(key)s kommt doppelt vor") % {"key": key}, feature.number)
        name = text(props["name"])
        if not name:
            raise source.error(_("Name fehlt"), feature.number)
        if len(name) > NAME_LENGTH:
            raise source.error(_("Name länger als %(max)d Zeichen") % {"max": NAME_LENGTH}, feature.number)
        outside = 0 if bezirk_prepared.covers(metric) else bezirk.distance(metric)
        if outside > MAX_DISTANCE_OUTSIDE_M:
            raise source.error(_("Haltestelle liegt %(distance).0f m außerhalb des Bezirks (erlaubt: %(max)d m)")
                               % {"distance": outside, "max": MAX_DISTANCE_OUTSIDE_M}, feature.number)
        weight = parse_number(source, feature.number, props, "weight", kind="feature")
        if weight < 0:
            raise source.error(_("Spalte „%(column)s“: „%(value)s“ ist keine Anzahl")
                               % {"column": "weight", "value": props["weight"]}, feature.number)
        modes = modes_from_name(name)
        records[key] = {
            "name": name, "modes": modes,
            "rapid_transit": bool({TransitMode.SBAHN, TransitMode.UBAHN} & set(modes)), "main_point": False,
            "geom": feature.geom, "geom_metric": metric, "attributes": props, "weight": weight,
        }
    _mark_main_points(records)
    return records


def _mark_main_points(records):
    """Marks the point of each name with the highest weight (on a tie the smallest id)."""
    main = {}
    for key, values in sorted(records.items()):
        best = main.get(values["name"])
        if best is None or values["weight"] > records[best]["weight"]:
            main[values["name"]] = key
    for key in main.values():
        records[key]["main_point"] = True
    for values in records.values():
        del values["weight"]


def write_transit_stops(records, source_objects, report):
    source = source_objects[sources.VBB_STATIONS.key]
    desired = {(source.pk, key): values for key, values in records.items()}
    report.sync(TransitStop, ("source_id", "source_key"), desired, FIELDS, _("Haltestellen (VBB)"),
                queryset=TransitStop.objects.filter(source=source))
