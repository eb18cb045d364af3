"""Writers: records → bytes of a CSV, XLSX or GeoJSON file."""

import csv
import io
import json
import re

from django.utils import translation

# A cell Excel would run as a formula (CSV injection, OWASP): "=…", "@…", "+…"/"-…" unless it is a
# phone number or a plain number.
_FORMULA_START = ("=", "@", "\t", "\r")
_HARMLESS_SIGNED = re.compile(r"^[+-][\d\s()/.,-]*$")


def _text(value, decimal_comma=False):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, float):
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if decimal_comma else text
    return str(value)


def _safe(text):
    if text.startswith(_FORMULA_START) or (text[:1] in "+-" and text and not _HARMLESS_SIGNED.match(text)):
        return "'" + text
    return text


def _headers(records, fallback):
    return [str(header) for header, _key, _value in records[0].cells] if records else fallback


def to_csv(records, empty_headers=()):
    """UTF-8 with BOM and `;` – German Excel opens it with umlauts and columns right; decimal commas."""
    with translation.override("de"):
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(_headers(records, list(empty_headers)))
        for record in records:
            writer.writerow([_safe(_text(value, decimal_comma=True)) for _header, _key, value in record.cells])
        return buffer.getvalue().encode("utf-8")


def to_xlsx(records, title="Export", empty_headers=()):
    # openpyxl is loaded on the first spreadsheet, not with every process (not for an import cycle).
    from openpyxl import Workbook
    from openpyxl.styles import Font

    with translation.override("de"):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = title[:31]
        sheet.append(_headers(records, list(empty_headers)))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for record in records:
            row = []
            for _header, _key, value in record.cells:
                row.append(value if isinstance(value, int | float) and not isinstance(value, bool) else _text(value))
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text, never a formula
        sheet.freeze_panes = "A2"
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def to_geojson(records, name=""):
    """A GeoJSON FeatureCollection (RFC 7946, WGS84). An entry whose exact location is private has a
    null geometry; its planning area is in the properties."""
    features = []
    for record in records:
        properties = {key: value for _header, key, value in record.cells if key not in ("lat", "lon")}
        geometry = None
        if record.lon is not None and record.lat is not None:
            geometry = {"type": "Point", "coordinates": [record.lon, record.lat]}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    collection = {"type": "FeatureCollection", "name": name, "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")
