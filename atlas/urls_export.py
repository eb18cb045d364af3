"""Downloads of the public directory data. Included from atlas/urls.py."""

from django.urls import path

from atlas.exporting.views import public_export

urlpatterns = [
    path(f"export/{slug}.{file_format}", public_export, {"kind": kind, "file_format": file_format},
         name=f"export-{kind}-{file_format}")
    for slug, kind in (("organisations", "organisations"), ("meeting-places", "meeting-places"))
    for file_format in ("csv", "xlsx", "geojson")
]
