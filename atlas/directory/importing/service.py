"""The import itself: check every row, then write all rows in one transaction or none.

`run_import()` always checks the whole file first without writing. With `dry_run=True` (the preview)
it stops there. Otherwise it writes only when no row has an error, all rows in one transaction.
"""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from atlas.directory.duplicates import DUPLICATE_RADIUS_M, nearby_namesakes
from atlas.directory.importing import columns as cols
from atlas.directory.importing.reading import ImportFileError, read_table
from atlas.directory.importing.report import ImportReport
from atlas.directory.importing.rows import RowImporter
from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from atlas.geocoding.result import is_precise

KINDS = {"organisations": Organisation, "meeting-places": MeetingPlace}
MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes; bigger files are refused (a district's directory is far smaller)


def run_import(data, filename="", kind="organisations", dry_run=True, default_status=PublicationStatus.PENDING,
               can_set_status=True, can_update=True):
    """Check (and unless `dry_run`, import) a CSV/XLSX file of organisations or meeting places.

    `can_set_status`: the file's Status column is used (coordinators); otherwise new entries get
    `default_status`. `can_update`: rows matching an existing entry may change it; otherwise they are
    errors. Returns an ImportReport; nothing is written when it has errors.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {sorted(KINDS)}")
    report = ImportReport(kind=kind, filename=filename, dry_run=dry_run)
    try:
        table = read_table(data, filename)
    except ImportFileError as error:
        report.file_errors.append(str(error))
        return report
    report.file_format, report.encoding, report.delimiter = table.file_format, table.encoding, table.delimiter
    fields_by_index = _map_headers(table.headers, kind, report)
    if report.file_errors:
        return report
    importer = RowImporter(KINDS[kind], kind, default_status, can_set_status, can_update)
    prepared = []
    for line, cells in table.rows:
        values = {}
        for index, cell in enumerate(cells):
            field_name = fields_by_index.get(index)
            if field_name:
                values[field_name] = (cell or "").strip()
        if not any(values.values()) and not any((cell or "").strip() for cell in cells):
            continue  # blank line, or a row of empty cells as Excel leaves them
        for field_name in fields_by_index.values():
            values.setdefault(field_name, "")
        prepared.append(importer.prepare(line, values))
    if not prepared:
        report.file_errors.append(_("Die Datei enthält keine Datenzeilen."))
        return report
    _check_duplicates(prepared, KINDS[kind])
    report.rows = [row.report for row in prepared]
    if dry_run or report.has_errors:
        return report
    try:
        reason = import_reason(filename, timezone.now())
        with transaction.atomic():
            for row in prepared:
                _save(row, reason)
    except (DatabaseError, ValidationError) as error:
        report.file_errors.append(_("Beim Speichern ist ein Fehler aufgetreten, es wurde nichts importiert: "
                                    "%(error)s") % {"error": error})
        return report
    report.committed = True
    report.to_place = [row.entry.pk for row in prepared
                       if not row.entry.location_set_manually and not is_precise(row.entry.location_precision)]
    return report


def _map_headers(headers, kind, report):
    """{column index → field}; problems go into the report."""
    own = cols.header_map(cols.columns_for(kind))
    other = cols.header_map(cols.ALL_FIELDS)
    mapping, seen = {}, {}
    for index, header in enumerate(headers):
        folded = cols.header_key(header)
        if not folded:
            continue
        field_name = own.get(folded)
        if field_name is None:
            if folded in other:
                message = _("Spalte „%(column)s“ gilt nicht für Treffpunkte und wird ignoriert.") if kind == \
                    "meeting-places" else _("Spalte „%(column)s“ gilt nicht für Organisationen und wird ignoriert.")
            else:
                message = _("Unbekannte Spalte „%(column)s“ wird ignoriert.")
            report.file_warnings.append(message % {"column": header.strip()})
            continue
        if field_name in cols.IGNORED:
            continue
        if field_name in seen:
            report.file_errors.append(_("Die Spalten „%(first)s“ und „%(second)s“ meinen dasselbe Feld; bitte eine "
                                        "davon entfernen.") % {"first": seen[field_name], "second": header.strip()})
            continue
        seen[field_name] = header.strip()
        mapping[index] = field_name
    if "name" not in seen:
        report.file_errors.append(_("Die Spalte „Name“ fehlt (gefundene Spalten: %(columns)s).")
                                  % {"columns": ", ".join(h.strip() for h in headers if h.strip()) or "—"})
    if ("lat" in seen) != ("lon" in seen):
        report.file_errors.append(_("Es gibt nur eine der Spalten „Breitengrad“ und „Längengrad“; für Koordinaten "
                                    "werden beide gebraucht."))
    return mapping


def _check_duplicates(prepared, model):
    """Rows that are the same entry twice (errors) and namesakes within DUPLICATE_RADIUS_M (warnings)."""
    first_by_key, first_by_entry, earlier = {}, {}, []
    for row in prepared:
        report = row.report
        if not report.name:
            continue
        same_as = first_by_key.get(row.match_key)
        if same_as is None and row.entry is not None and row.entry.pk is not None:
            same_as = first_by_entry.get(row.entry.pk)
        if same_as is not None:
            report.errors.append(_("doppelt in der Datei: derselbe Eintrag wie Zeile %(line)d (gleicher Name und "
                                   "gleiche PLZ oder gleicher Kurzname)") % {"line": same_as})
        first_by_key.setdefault(row.match_key, report.line)
        if row.entry is not None and row.entry.pk is not None:
            first_by_entry.setdefault(row.entry.pk, report.line)
        if row.metric_point is None:
            continue
        folded = row.match_key[0]
        for other in earlier:
            if other.match_key[0] == folded and other.match_key != row.match_key:
                distance = other.metric_point.distance(row.metric_point)
                if distance <= DUPLICATE_RADIUS_M:
                    report.warnings.append(_("Möglicherweise doppelt: gleichnamiger Eintrag in Zeile %(line)d, "
                                             "%(distance)d m entfernt") % {"line": other.report.line,
                                                                          "distance": round(distance)})
        earlier.append(row)
        for entry, distance in nearby_namesakes(model, report.name, row.entry.location, exclude_pk=row.entry.pk):
            report.warnings.append(_("Möglicherweise doppelt: „%(name)s“ (Kurzname %(slug)s) ist schon im Verzeichnis, "
                                     "%(distance)d m entfernt") % {"name": entry.name, "slug": entry.slug,
                                                                   "distance": round(distance)})


def import_reason(filename, when=None):
    """The change reason of every entry one import writes: "Import: <file> [<local time>]". The history
    names the import and its file, and the time (to the microsecond) tells two imports of one file
    apart (the coordinators' account page lists the last imports from it, atlas.accounts.dashboard)."""
    stamp = f" [{timezone.localtime(when).strftime('%Y-%m-%d %H:%M:%S.%f')}]"
    return f"Import: {(filename or '–')[:100 - len('Import: ') - len(stamp)]}{stamp}"


def _save(row, reason):
    entry = row.entry
    entry._change_reason = reason
    entry.save()
    for relation, objects in row.related.items():
        getattr(entry, relation).set(objects)
