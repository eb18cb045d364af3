"""The ranking as a spreadsheet for German Excel (``/api/coverage/?format=excel``).

The machine-readable CSV (``format=csv``) keeps English column names, full precision and the decimal
point for programs. This one is for people: German headers, figures rounded as the planner view shows
them, ``;`` between columns and decimal commas, UTF-8 with BOM (the directory's writer,
atlas.directory.exporting.formats.to_csv), so German Excel opens it with columns, umlauts and numbers
right. Integers carry no thousands separator: read back they stay integers.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from atlas.directory.exporting.columns import Record
from atlas.directory.exporting.formats import to_csv
from planning.transit import access

FILE_STEMS = {"planning_area": "versorgungsluecken-spandau-planungsraeume",
              "ortsteil": "versorgungsluecken-spandau-ortsteile",
              "housing_estate": "versorgungsluecken-spandau-grosswohnsiedlungen"}


def _name_header(level):
    return {"planning_area": _("Planungsraum"), "ortsteil": _("Ortsteil"),
            "housing_estate": _("Großwohnsiedlung")}[level]


def excel_records(rows, level):
    """One record per area, by rank; figures rounded (need and index to whole numbers, access A per
    1,000 to 2 decimals, gap score to 3)."""
    records = []
    transit = {figure["key"]: figure for figure in access.figures().get(level, [])}
    for row in sorted(rows, key=lambda row: row["rank"]):
        cells = [(_("Rang"), "rank", int(row["rank"])), (_name_header(level), "name", row["name"])]
        if level == "planning_area":
            cells.append((_("Ortsteil"), "ortsteil", row.get("ortsteil", "")))
        cells += [
            (_("Einwohner:innen"), "population", int(round(row["population"]))),
            (_("Bedarf (gewichtete Personen)"), "need", int(round(row["need"]))),
            (_("Erreichbarkeit A (Angebote je 1.000 Personen mit Bedarf)"), "access", round(1000 * row["access"], 2)),
            (_("Erreichbarkeit (Bezirk = 100)"), "access_index", int(round(100 * row["relative_access"]))),
            (_("Lückenwert"), "gap_score", round(row["gap_score"], 3)),
            (_("Klasse (5 = größte Lücke)"), "class", int(row["class"])),
            (_("Rasterpunkte"), "demand_points", int(row["demand_points"])),
        ]
        if level == "planning_area":
            cells.append((_("Planungsraum-Schlüssel"), "key", str(row["key"])))
        # Access to public transport, for planning areas and Ortsteile.
        if (figure := transit.get(row.get("key"))) is not None:
            cells += [
                (_("ÖPNV-Anbindung in % (gewichtet nach Fahrtenangebot)"), "transit_access",
                 round(figure["transit_access"], 1)),
                (_("Haltestelle in Reichweite: Anteil der Einwohner:innen in %"), "transit_reach",
                 round(figure["transit_reach"], 1)),
                (_("Nächste S-, U- oder Regionalbahn in m (Median, Luftlinie)"), "rail_distance",
                 int(figure["rail_distance_m"])),
            ]
        records.append(Record(cells=cells))
    return records


def excel_csv(rows, level):
    with translation.override("de"):
        return to_csv(excel_records(rows, level))


def excel_filename(level):
    return f"{FILE_STEMS[level]}-excel.csv"
