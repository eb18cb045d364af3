"""Downloads of the public directory data. Included from config/urls.py."""

from django.urls import path

from atlas.directory.exporting.views import internal_export, public_export

urlpatterns = [
    path(f"export/{slug}.{file_format}", public_export, {"kind": kind, "file_format": file_format},
         name=f"export-{kind}-{file_format}")
    for slug, kind in (("organisations", "organisations"), ("meeting-places", "meeting-places"))
    for file_format in ("csv", "xlsx", "geojson")
] + [
    # Internal: every entry with internal fields, for planners and coordinators (atlas.roles.permissions).
    path(f"export/intern/{slug}.{file_format}", internal_export, {"kind": kind, "file_format": file_format},
         name=f"export-internal-{kind}-{file_format}")
    for slug, kind in (("organisations", "organisations"), ("meeting-places", "meeting-places"))
    for file_format in ("csv", "xlsx", "geojson")
]
