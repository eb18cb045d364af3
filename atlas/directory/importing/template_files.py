"""Empty import files to fill in, made from the columns the import reads and the values it accepts:

- CSV: the header line only, UTF-8 with BOM and `;` (German Excel opens it with umlauts, columns right);
- XLSX: the header (bold, frozen, each header with a note saying what goes in), a drop-down list for each
  column with one allowed value (Art, Status, ja/nein, …) and a second sheet „Erlaubte Werte“ with every
  vocabulary. The import reads only the first sheet, so the second one can stay in the file.
"""

import io

from django.utils.translation import gettext as _

from atlas.directory.exporting import to_csv
from atlas.directory.importing.help import columns, value_tables
from atlas.directory.importing.vocabulary import Vocabularies

SHEET_TITLES = {"organisations": "Organisationen", "meeting-places": "Treffpunkte"}
VALUES_SHEET = "Erlaubte Werte"
TEMPLATE_ROWS = 1000  # rows of the first sheet that get the drop-down lists
YES_NO = ("ja", "nein")


def template_csv(kind):
    return to_csv([], empty_headers=[column.header for column in columns(kind)])


def template_xlsx(kind):
    # openpyxl is loaded on the first spreadsheet, not with every process (as in reading.py).
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    vocabularies = Vocabularies()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLES[kind]
    values = workbook.create_sheet(VALUES_SHEET)

    # The second sheet: one column per vocabulary, headed by its name; ja/nein last.
    ranges = {}
    tables = [(anchor, heading, [value.written for value in items])
              for anchor, heading, items in value_tables(kind, vocabularies)]
    tables.append(("yes-no", _("ja/nein"), list(YES_NO)))
    for index, (anchor, heading, written) in enumerate(tables, start=1):
        letter = get_column_letter(index)
        values.cell(row=1, column=index, value=heading).font = Font(bold=True)
        for row, text in enumerate(written, start=2):
            values.cell(row=row, column=index, value=text)
        values.column_dimensions[letter].width = max(14, min(40, max(len(t) for t in [heading, *written]) + 2))
        ranges[anchor] = f"'{VALUES_SHEET}'!${letter}$2:${letter}${len(written) + 1}"
    values.freeze_panes = "A2"

    for index, column in enumerate(columns(kind), start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True)
        cell.comment = Comment(column.description, "MigrAktiv Atlas", width=260, height=90)
        sheet.column_dimensions[letter].width = max(12, min(30, len(column.header) + 4))
        source = ranges["yes-no"] if column.yes_no else ranges.get(column.values_anchor) if column.table else None
        if source:
            validation = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=False)
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

