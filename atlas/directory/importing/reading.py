"""Reading an uploaded table: CSV (UTF-8 with or without BOM, or Windows-1252; `;`, `,` or tab as
separator) or XLSX. Every row keeps the line number a coordinator sees in the file (header = line 1;
a CSV cell spanning several lines counts all of them; in Excel the row number)."""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)
# Control characters never found in a text table (tab, line feed and carriage return are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, in words a coordinator understands."""


@dataclass
class Table:
    headers: list  # the header cells as written
    rows: list  # [(line, [cell strings])]
    file_format: str  # "csv" or "xlsx"
    encoding: str = ""  # CSV only: "utf-8" or "cp1252"
    delimiter: str = ""  # CSV only


def read_table(data, filename=""):
    """Bytes of a CSV or XLSX file → Table. Raises ImportFileError."""
    if not data:
        raise ImportFileError(_("Die Datei ist leer."))
    name = (filename or "").lower()
    if data.startswith(OLE_MAGIC) or name.endswith(".xls"):
        raise ImportFileError(_("Das alte Excel-Format (.xls) wird nicht unterstützt. Bitte in Excel „Speichern "
                                "unter“ → „Excel-Arbeitsmappe (.xlsx)“ oder „CSV UTF-8“ wählen."))
    if data.startswith(XLSX_MAGIC) or name.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data)
    return _read_csv(data)


def decode(data):
    """(text, encoding): UTF-8 (with or without BOM), else Windows-1252; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(_("Die Datei ist in UTF-16 gespeichert („Unicode-Text“). Bitte als „CSV UTF-8 "
                                "(durch Trennzeichen getrennt)“ oder als Excel-Arbeitsmappe speichern."))
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text = None
    if text is None or _CONTROL.search(text):
        raise ImportFileError(_("Die Datei ist weder UTF-8 noch Windows-1252 (ANSI) kodierter Text – ist es "
                                "wirklich eine CSV-Datei? Bitte als „CSV UTF-8“ oder Excel-Arbeitsmappe (.xlsx) "
                                "speichern."))
    return text, encoding


def sniff_delimiter(header_line):
    """The separator of the header line: the most frequent of `;`, `,` and tab (`;` wins ties, as German
    Excel writes it)."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def _read_csv(data):
    text, encoding = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    rows = []
    headers = None
    previous_line = 0
    try:
        for cells in reader:
            start_line = previous_line + 1  # a record starts on the line after the previous one ended
            previous_line = reader.line_num
            if headers is None:
                if not any(cell.strip() for cell in cells):
                    continue  # blank lines before the header
                headers = cells
                continue
            rows.append((start_line, cells))
    except csv.Error as error:
        raise ImportFileError(_("Die CSV-Datei ist fehlerhaft (Zeile %(line)d): %(error)s")
                              % {"line": reader.line_num, "error": error}) from error
    if headers is None:
        raise ImportFileError(_("Die Datei enthält keine Kopfzeile."))
    return Table(headers=headers, rows=rows, file_format="csv", encoding=encoding, delimiter=delimiter)


def _read_xlsx(data):
    # openpyxl is loaded on the first spreadsheet, not with every process (not for an import cycle).
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError(_("Die Excel-Datei lässt sich nicht öffnen (%(error)s). Bitte als Excel-Arbeitsmappe "
                                "(.xlsx) oder CSV speichern.") % {"error": error}) from error
    try:
        sheet = workbook.worksheets[0]
        headers = None
        rows = []
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            if headers is None:
                if not any(cells):
                    continue
                headers = cells
                continue
            rows.append((line, cells))
    finally:
        workbook.close()
    if headers is None:
        raise ImportFileError(_("Das erste Tabellenblatt enthält keine Kopfzeile."))
    return Table(headers=headers, rows=rows, file_format="xlsx")


def cell_text(value):
    """An Excel cell as the text a person sees: 13597.0 → '13597', True → 'ja', a date → '2024-05-01'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
