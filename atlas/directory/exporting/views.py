"""Download views of the public export (open data: published entries, consented fields only)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from atlas.directory.exporting.columns import admin_rows, public_rows
from atlas.directory.exporting.formats import to_csv, to_geojson, to_xlsx
from atlas.directory.models import MeetingPlace, Organisation
from atlas.roles import permissions

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


@require_safe
def internal_export(request, kind, file_format):
    """Every entry (any status) with internal fields and data published without consent: for
    planners and coordinators only (atlas.roles.permissions.can_export_internal)."""
    if not permissions.can_export_internal(request.user):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    model = Organisation if kind == "organisations" else MeetingPlace
    stem = f"{FILE_STEMS[kind]}-intern"
    response = render(admin_rows(model.objects.all()), file_format, kind, stem)
    response["Cache-Control"] = "private, no-store"
    return response
