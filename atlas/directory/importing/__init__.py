"""Import of organisations and meeting places from the CSV and Excel files coordinators keep.

    from atlas.directory.importing import run_import
    report = run_import(data, "liste.csv", kind="organisations", dry_run=True)
    report.has_errors, report.rows[0].line, report.rows[0].errors, report.as_text()

Reading (encodings, separators, headers) is in `reading.py` and `columns.py`, the checks of a row in
`rows.py` (the values it may name, with suggestions for unknown ones, in `vocabulary.py`), the all-or-nothing
import in `service.py`; the admin's format page and its CSV/XLSX templates in `help.py` and
`template_files.py`. The file format is described in docs/import.md.
"""

from atlas.directory.importing.reading import ImportFileError, read_table
from atlas.directory.importing.report import ImportReport, RowReport
from atlas.directory.importing.service import KINDS, MAX_FILE_SIZE, run_import

__all__ = ["KINDS", "MAX_FILE_SIZE", "ImportFileError", "ImportReport", "RowReport", "read_table", "run_import"]
