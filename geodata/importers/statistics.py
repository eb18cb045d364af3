"""Population (Einwohnerregister 31.12.2024, T1–T4), Monitoring Soziale Stadtentwicklung 2021 and
Eigentumskonzentration 2022, each per planning area."""

import datetime
import re

from django.utils.translation import gettext as _

from geodata.importers import sources
from geodata.importers.readers import PLR_KEY, expect_count, parse_key, parse_number, read_csv
from geodata.models import AGE_GROUPS, HousingOwnership, Population, SocialMonitoring

REFERENCE_DATE = datetime.date(2024, 12, 31)
LOR_LEVELS = {"PLR", "BZR", "PGR", "BEZ"}
MISSING = -9999  # the MSS marks suppressed values (fewer than 300 residents) with -9999
KI_COLUMN = re.compile(r"^KI_\d{2}$")
T1_COLUMNS = {
    "residents": "inhabitants",
    "with_migration_background": "inhabitants_with_migration_background",
    "germans": "inhabitants_germans",
    "germans_without_migration_background": "inhabitants_germans_without_migration_background",
    "germans_with_migration_background": "inhabitants_germans_with_migration_background",
    "foreigners": "inhabitants_foreigners",
}
INDEX_INDICATORS = {"unemployment": "S1", "transfer_benefits": "S3", "child_poverty": "S4",
                    "unemployment_change": "D1", "transfer_benefits_change": "D3", "child_poverty_change": "D4"}
OWNERSHIP_COLUMNS = {"residential_area_m2": "wohmi_fl", "municipal_share": "stwbg", "cooperative_share": "genossen",
                     "private_persons_share": "nat_pers", "legal_entities_share": "jur_pers",
                     "common_good_share": "sozvermiet"}


def _plr_rows(ctx, spec, required, key_column, plr_keys, level_column=None, count=45):
    """{PLR key: Row} of a table with one row per planning area; checks keys and row count."""
    source = ctx.open(spec)
    rows, columns = read_csv(source, [key_column, *required, *([level_column] if level_column else [])])
    if level_column:
        for row in rows:
            if row.values[level_column] not in LOR_LEVELS:
                raise source.error(_("unbekannte LOR-Ebene „%(level)s“") % {"level": row.values[level_column]},
                                   row.line, "row")
        source.other_levels = [row for row in rows if row.values[level_column] != "PLR"]
        rows = [row for row in rows if row.values[level_column] == "PLR"]
    result = {}
    for row in rows:
        plr = parse_key(source, row.line, row.values[key_column], PLR_KEY, _("Planungsraum-Schlüssel"), "row")
        if plr not in plr_keys:
            raise source.error(_("Planungsraum %(key)s gibt es nicht") % {"key": plr}, row.line, "row")
        if plr in result:
            raise source.error(_("Planungsraum %(key)s kommt doppelt vor") % {"key": plr}, row.line, "row")
        result[plr] = row
    if count is not None:
        expect_count(source, result, count, _("Planungsräume"))
    return source, result, columns


def read_population(ctx, plr_keys):
    """{PLR key: Population field values}; the planning areas must add up to the Bezirk row of T1."""
    t1, rows1, _columns = _plr_rows(ctx, sources.POPULATION_T1, ["lor_level", *T1_COLUMNS.values()], "id",
                                    plr_keys, "lor_level")
    age_columns = [f"inhabitants_age_{group}" for group in AGE_GROUPS]
    t2, rows2, _columns = _plr_rows(ctx, sources.POPULATION_T2, ["inhabitants", "inhabitants_female", *age_columns],
                                    "id", plr_keys, "lor_level")
    mig_columns = [f"inhabitants_with_migration_background_age_{group}" for group in AGE_GROUPS]
    t3, rows3, _columns = _plr_rows(ctx, sources.POPULATION_T3,
                                    ["inhabitants", "inhabitants_with_migration_background_female", *mig_columns],
                                    "id", plr_keys, "lor_level")
    t4, rows4, columns4 = _plr_rows(ctx, sources.POPULATION_T4, ["inhabitants"], "id", plr_keys, "lor_level")
    # Regions of origin: every inhabitants_from_* count column (the *_percentage columns are derived).
    origin_columns = {column.removeprefix("inhabitants_from_"): column for column in columns4
                      if column.startswith("inhabitants_from_") and not column.endswith("_percentage")}
    if not origin_columns:
        raise t4.error(_("Spalten fehlen: %(names)s") % {"names": "inhabitants_from_*"})

    result = {}
    for plr in plr_keys:
        r1, r2, r3, r4 = rows1[plr], rows2[plr], rows3[plr], rows4[plr]
        values = {name: parse_number(t1, r1.line, r1.values, column, cast=int) for name, column in T1_COLUMNS.items()}
        values["female"] = parse_number(t2, r2.line, r2.values, "inhabitants_female", cast=int)
        values["age_groups"] = {group: parse_number(t2, r2.line, r2.values, column, cast=int)
                                for group, column in zip(AGE_GROUPS, age_columns, strict=True)}
        values["migration_background_age_groups"] = {group: parse_number(t3, r3.line, r3.values, column, cast=int)
                                                     for group, column in zip(AGE_GROUPS, mig_columns, strict=True)}
        values["migration_background_female"] = parse_number(
            t3, r3.line, r3.values, "inhabitants_with_migration_background_female", cast=int)
        values["origin"] = {region: parse_number(t4, r4.line, r4.values, column, cast=int)
                            for region, column in origin_columns.items()}
        # The four tables must describe the same people.
        _expect_equal(t2, r2, "inhabitants", parse_number(t2, r2.line, r2.values, "inhabitants", cast=int),
                      values["residents"])
        for source, row in ((t3, r3), (t4, r4)):
            _expect_equal(source, row, "inhabitants", parse_number(source, row.line, row.values, "inhabitants",
                                                                   cast=int), values["with_migration_background"])
        if sum(values["age_groups"].values()) != values["residents"]:
            raise t2.error(_("die Altersgruppen ergeben nicht die Einwohnerzahl"), r2.line, "row")
        result[plr] = {**values, "reference_date": REFERENCE_DATE}
    _check_bezirk_total(t1, result)
    return result


def _expect_equal(source, row, column, found, expected):
    if found != expected:
        raise source.error(_("Spalte „%(column)s“ = %(found)s, erwartet %(expected)s (aus Tabelle T1)")
                           % {"column": column, "found": found, "expected": expected}, row.line, "row")


def _check_bezirk_total(t1, population):
    """The official Bezirk row must equal the sum of the planning areas."""
    rows = [row for row in t1.other_levels if row.values["lor_level"] == "BEZ"]
    if len(rows) != 1:
        raise t1.error(_("%(found)d Bezirkszeilen (lor_level BEZ) statt einer") % {"found": len(rows)})
    [row] = rows
    for name, column in T1_COLUMNS.items():
        total = parse_number(t1, row.line, row.values, column, cast=int)
        added = sum(values[name] for values in population.values())
        if added != total:
            raise t1.error(_("Summe der Planungsräume %(added)d ≠ Bezirkswert %(total)d (Spalte „%(column)s“)")
                           % {"added": added, "total": total, "column": column}, row.line, "row")


def read_social_monitoring(ctx, plr_keys):
    head = ["EW", "KOM"]
    indizes, rows_i, _columns = _plr_rows(ctx, sources.MSS_INDIZES, [*head, "SI_N", "DI_N", "SDI_V"], "PLR_ID",
                                          plr_keys)
    indicators, rows_s, _columns = _plr_rows(ctx, sources.MSS_INDEXINDIKATOREN, [*head, *INDEX_INDICATORS.values()],
                                             "PLR_ID", plr_keys)
    context, rows_k, columns = _plr_rows(ctx, sources.MSS_KONTEXTINDIKATOREN, head, "PLR_ID", plr_keys)
    ki_columns = [column for column in columns if KI_COLUMN.match(column)]
    if not ki_columns:
        raise context.error(_("Spalten fehlen: %(names)s") % {"names": "KI_01 …"})

    result = {}
    for plr in plr_keys:
        ri, rs, rk = rows_i[plr], rows_s[plr], rows_k[plr]
        valid = _validity(indizes, ri)
        for source, row in ((indicators, rs), (context, rk)):
            if _validity(source, row) != valid:
                raise source.error(_("Spalte „KOM“ widerspricht der Indexdatei"), row.line, "row")
        values = {"residents_2020": parse_number(indizes, ri.line, ri.values, "EW", cast=int), "valid": valid}
        if valid:
            values["status_index"] = _class(indizes, ri, "SI_N", {1, 2, 3, 4})
            values["dynamics_index"] = _class(indizes, ri, "DI_N", {1, 3, 5})
            # "Status mittel , Dynamik stabil" → "Status mittel, Dynamik stabil"
            values["status_dynamics_class"] = " ".join(ri.values["SDI_V"].replace(" ,", ",").split())[:40]
            for name, column in INDEX_INDICATORS.items():
                values[name] = parse_number(indicators, rs.line, rs.values, column, missing=MISSING)
            values["context_indicators"] = {
                column: parse_number(context, rk.line, rk.values, column, missing=MISSING, allow_empty=True)
                for column in ki_columns}
        else:
            values.update({"status_index": None, "dynamics_index": None, "status_dynamics_class": "",
                           **dict.fromkeys(INDEX_INDICATORS), "context_indicators": dict.fromkeys(ki_columns)})
        result[plr] = values
    return result


def _validity(source, row):
    kom = row.values["KOM"].strip()
    if kom == "gültig":
        return True
    if kom.startswith("ungültig"):
        return False
    raise source.error(_("Spalte „KOM“: unbekannter Wert „%(value)s“") % {"value": kom}, row.line, "row")


def _class(source, row, column, allowed):
    value = parse_number(source, row.line, row.values, column, cast=int)
    if value not in allowed:
        raise source.error(_("Spalte „%(column)s“: %(value)s ist keine gültige Klasse")
                           % {"column": column, "value": value}, row.line, "row")
    return value


def read_housing_ownership(ctx, plr_keys):
    # Gartenfeld (05300838) has no row in the source, so 44 or 45 rows are fine.
    source, rows, _columns = _plr_rows(ctx, sources.EIGENTUM, list(OWNERSHIP_COLUMNS.values()), "plr_schl",
                                       plr_keys, count=None)
    if len(rows) < 44:
        expect_count(source, rows, 44, _("Planungsräume"))
    result = {}
    for plr, row in rows.items():
        values = {name: parse_number(source, row.line, row.values, column)
                  for name, column in OWNERSHIP_COLUMNS.items()}
        for name, value in values.items():
            if value < 0 or (name.endswith("_share") and value > 100.0001):
                raise source.error(_("Spalte „%(column)s“: %(value)s liegt außerhalb des gültigen Bereichs")
                                   % {"column": OWNERSHIP_COLUMNS[name], "value": value}, row.line, "row")
        result[plr] = values
    return result


def write_statistics(population, social_monitoring, ownership, planning_areas, source_objects, report):
    def sync(model, records, layer_name, spec):
        source_id = source_objects[spec.key].pk
        desired = {planning_areas[plr].pk: {**values, "source_id": source_id} for plr, values in records.items()}
        fields = list(next(iter(desired.values())))
        report.sync(model, "planning_area_id", desired, fields, layer_name)

    sync(Population, population, _("Bevölkerung"), sources.POPULATION_T1)
    sync(SocialMonitoring, social_monitoring, _("Sozialmonitoring"), sources.MSS_INDIZES)
    sync(HousingOwnership, ownership, _("Eigentumsverhältnisse"), sources.EIGENTUM)
