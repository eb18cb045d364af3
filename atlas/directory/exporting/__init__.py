"""Export of the directory as CSV (German Excel: UTF-8 with BOM, `;`), XLSX and GeoJSON.

The public export (`public_rows`) holds published entries only and only what may be public: an
organisation's website, e-mail and phone only with consent_publish_contact; street, postcode and point only when
`shows_exact_location`, else just the planning area. The admin export (`admin_rows`) is for
coordinators and includes internal fields. Columns use the headers of the import (docs/import.md), so
an exported file can be edited and imported again.
"""

from atlas.directory.exporting.columns import admin_rows, public_rows
from atlas.directory.exporting.formats import to_csv, to_geojson, to_xlsx

__all__ = ["admin_rows", "public_rows", "to_csv", "to_geojson", "to_xlsx"]
