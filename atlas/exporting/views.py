"""Download views of the public export (open data: published entries, consented fields only)."""

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from atlas.exporting.columns import public_rows
from atlas.exporting.formats import to_csv, to_geojson, to_xlsx

FILE_STEMS = {"organisations": "migraktiv-organisationen", "meeting-places": "migraktiv-treffpunkte"}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
}
SHEET_TITLES = {"organisations": "Organisationen", "meeting-places": "Treffpunkte"}


def file_response(content, file_format, stem):
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    filename = f"{stem}-{timezone.localdate().isoformat()}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def render(records, file_format, kind, stem):
    if file_format == "csv":
        content = to_csv(records)
    elif file_format == "xlsx":
        content = to_xlsx(records, title=SHEET_TITLES[kind])
    else:
        content = to_geojson(records, name=stem)
    return file_response(content, file_format, stem)


@require_safe
def public_export(request, kind, file_format):
    return render(public_rows(kind), file_format, kind, FILE_STEMS[kind])
