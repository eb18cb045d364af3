"""Validated reading of the GeoJSON and CSV source files.

Every problem raises DataError naming the file and the feature or row, so a coordinator can find it.
Messages are German source strings for gettext.
"""

import csv
import hashlib
import json
import logging
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.gis.geos import GEOSException, GEOSGeometry, MultiPolygon, Point, Polygon
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

STORAGE_SRID = 4326
# Spandau lies within lon 13.10–13.29, lat 52.39–52.60; the margin catches swapped axes and metric
# coordinates (EPSG:25833 numbers are in the hundred thousands) without tripping over the border.
SPANDAU_BBOX = (13.0, 52.3, 13.4, 52.7)

PLR_KEY = re.compile(r"^05\d{6}$")
BZR_KEY = re.compile(r"^05\d{4}$")
PGR_KEY = re.compile(r"^05\d{2}$")
ORTSTEIL_KEY = re.compile(r"^05\d{2}$")

# Placeholders some sources use for "no value".
EMPTY_PLACEHOLDERS = {"", "None", "none", "null", "NULL", "nan", "NaN", "-"}


class DataError(CommandError):
    """A source file is missing or does not look as expected."""


@dataclass
class Feature:
    number: int  # 1-based position in the file, for messages
    properties: dict
    geom: GEOSGeometry


@dataclass
class Row:
    line: int  # line number in the file (header = line 1)
    values: dict


@dataclass
class SourceFile:
    path: Path
    sha256: str = ""
    warnings: list = field(default_factory=list)
    other_levels: list = field(default_factory=list)  # CSV rows of other LOR levels than PLR

    @property
    def name(self):
        return self.path.name

    def error(self, message, number=None, kind="feature"):
        if number is None:
            return DataError(_("%(file)s: %(message)s") % {"file": self.name, "message": message})
        where = _("Objekt %(number)d") if kind == "feature" else _("Zeile %(number)d")
        return DataError(_("%(file)s, %(where)s: %(message)s") % {
            "file": self.name, "where": where % {"number": number}, "message": message})


def open_source(data_dir, file_name):
    """Check that the file exists and remember its checksum."""
    path = Path(data_dir) / file_name
    if not path.is_file():
        raise DataError(_("%(file)s: Datei fehlt in %(dir)s") % {"file": file_name, "dir": data_dir})
    return SourceFile(path=path, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


# --- GeoJSON -------------------------------------------------------------------------------------

def read_geojson(source, geom_types, required=(), expected_count=None):
    """Features of a GeoJSON FeatureCollection in WGS84, geometries valid and inside Spandau's bbox."""
    try:
        data = json.loads(source.path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise source.error(_("kein gültiges GeoJSON (%(error)s)") % {"error": exc}) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise source.error(_("keine GeoJSON-FeatureCollection"))
    if "crs" in data:
        # RFC 7946: coordinates are WGS84; a crs member means someone exported another projection.
        raise source.error(_("unerwartetes Koordinatensystem (crs-Angabe %(crs)s); erwartet WGS84 ohne crs")
                           % {"crs": json.dumps(data["crs"])[:80]})
    raw_features = data.get("features")
    if not isinstance(raw_features, list):
        raise source.error(_("„features“ fehlt"))
    if expected_count is not None and len(raw_features) != expected_count:
        raise source.error(_("%(found)d Objekte statt der erwarteten %(expected)d")
                           % {"found": len(raw_features), "expected": expected_count})
    features = []
    for number, raw in enumerate(raw_features, start=1):
        properties = raw.get("properties") if isinstance(raw, dict) else None
        geometry = raw.get("geometry") if isinstance(raw, dict) else None
        if not isinstance(properties, dict) or not isinstance(geometry, dict):
            raise source.error(_("Objekt ohne Eigenschaften oder Geometrie"), number)
        missing = [name for name in required if name not in properties]
        if missing:
            raise source.error(_("Eigenschaften fehlen: %(names)s") % {"names": ", ".join(missing)}, number)
        if geometry.get("type") not in geom_types:
            raise source.error(_("Geometrietyp %(found)s, erwartet %(expected)s")
                               % {"found": geometry.get("type"), "expected": " oder ".join(geom_types)}, number)
        features.append(Feature(number, properties, _geometry(source, number, geometry)))
    return features


def _geometry(source, number, geometry):
    try:
        if geometry["type"] == "Point":
            x, y = (float(value) for value in geometry["coordinates"][:2])
            if not (math.isfinite(x) and math.isfinite(y)):
                raise ValueError(f"{x}, {y}")
            # A point with finite coordinates is valid: checked here, without a GEOS call per test (the
            # files hold about 2,000 points, and each call counts on a busy machine).
            _check_extent(source, number, (x, y, x, y))
            return Point(x, y, srid=STORAGE_SRID)
        geom = GEOSGeometry(json.dumps(geometry), srid=STORAGE_SRID)
    except (GEOSException, ValueError, TypeError, KeyError, IndexError) as exc:
        raise source.error(_("Geometrie nicht lesbar (%(error)s)") % {"error": exc}, number) from exc
    if geom.empty:
        raise source.error(_("leere Geometrie"), number)
    _check_extent(source, number, geom.extent)
    with _quiet_geos():
        valid = geom.valid
        reason = "" if valid else geom.valid_reason
    if not valid:
        geom = polygonal(geom.make_valid())
        if geom is None:
            raise source.error(_("ungültige Geometrie (%(reason)s), nicht reparierbar") % {"reason": reason}, number)
        source.warnings.append(_("%(file)s, Objekt %(number)d: ungültige Geometrie (%(reason)s) repariert")
                               % {"file": source.name, "number": number, "reason": reason})
    return geom


def _check_extent(source, number, extent):
    min_x, min_y, max_x, max_y = extent
    west, south, east, north = SPANDAU_BBOX
    if min_x < west or max_x > east or min_y < south or max_y > north:
        raise source.error(_("Koordinaten außerhalb von Spandau (%(extent)s) – falsches Koordinatensystem?")
                           % {"extent": ", ".join(f"{v:.4f}" for v in extent)}, number)


@contextmanager
def _quiet_geos():
    """GEOS logs a notice for each validity test of an invalid geometry; we report it ourselves."""
    logger = logging.getLogger("django.contrib.gis")
    disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = disabled


def polygonal(geom):
    """The polygons of a geometry as a MultiPolygon (make_valid may return a collection)."""
    if isinstance(geom, Polygon):
        return MultiPolygon(geom, srid=geom.srid)
    if isinstance(geom, MultiPolygon):
        return geom
    parts = []
    for part in getattr(geom, "__iter__", lambda: iter(()))():
        if isinstance(part, Polygon):
            parts.append(part)
        elif isinstance(part, MultiPolygon):
            parts.extend(part)
    return MultiPolygon(*parts, srid=geom.srid) if parts else None


# --- CSV -----------------------------------------------------------------------------------------

def read_csv(source, required=(), keep=None):
    """Rows as dicts of strings (ids keep their leading zeros). keep(row) filters rows, e.g. by level."""
    try:
        with source.path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            missing = [name for name in required if name not in columns]
            if missing:
                raise source.error(_("Spalten fehlen: %(names)s") % {"names": ", ".join(missing)})
            rows = []
            for values in reader:
                if None in values or None in values.values():
                    raise source.error(_("falsche Anzahl von Feldern"), reader.line_num, kind="row")
                if keep is None or keep(values):
                    rows.append(Row(reader.line_num, values))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise source.error(_("keine lesbare CSV-Datei (%(error)s)") % {"error": exc}) from exc
    return rows, columns


def expect_count(source, items, expected, what):
    if len(items) != expected:
        raise source.error(_("%(found)d %(what)s statt der erwarteten %(expected)d")
                           % {"found": len(items), "what": what, "expected": expected})


# --- values --------------------------------------------------------------------------------------

def text(value, placeholders=EMPTY_PLACEHOLDERS):
    """A cleaned string; None and placeholders become ''."""
    if value is None:
        return ""
    value = " ".join(str(value).split())
    return "" if value in placeholders else value


def parse_key(source, number, value, pattern, what, kind="feature"):
    """An area key such as a PLR id: a string of digits with its leading zeros."""
    value = "" if value is None else str(value).strip()
    if not pattern.match(value):
        raise source.error(_("%(what)s „%(value)s“ hat nicht die erwartete Form (%(pattern)s)")
                           % {"what": what, "value": value, "pattern": pattern.pattern}, number, kind)
    return value


def parse_number(source, line, values, column, kind="row", cast=float, missing=None, allow_empty=False):
    """A number from a cell. `missing` (e.g. -9999) and, if allowed, empty cells give None."""
    raw = values.get(column)
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        if allow_empty:
            return None
        raise source.error(_("Spalte „%(column)s“ ist leer") % {"column": column}, line, kind)
    try:
        result = float(raw)
    except (TypeError, ValueError) as exc:
        raise source.error(_("Spalte „%(column)s“: „%(value)s“ ist keine Zahl")
                           % {"column": column, "value": raw}, line, kind) from exc
    if result != result or result in (float("inf"), float("-inf")):
        raise source.error(_("Spalte „%(column)s“: „%(value)s“ ist keine Zahl")
                           % {"column": column, "value": raw}, line, kind)
    if missing is not None and result == missing:
        return None
    if cast is int:
        if result != int(result) or result < 0:
            raise source.error(_("Spalte „%(column)s“: „%(value)s“ ist keine Anzahl")
                               % {"column": column, "value": raw}, line, kind)
        return int(result)
    return result
