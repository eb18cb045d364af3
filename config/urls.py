"""The site's addresses: each feature brings its own URLconf (README "Where things are")."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("common.api.urls")),
    path("api/", include("atlas.directory.api.urls")),
    path("", include("atlas.geocoding.urls")),
    path("", include("atlas.events.api_urls")),
    path("", include("atlas.directory.urls")),
    path("", include("atlas.directory.exporting.urls")),
    path("", include("atlas.needs.urls")),
    path("", include("atlas.subscriptions.urls")),
    path("", include("atlas.accounts.urls")),
    path("", include("atlas.privacy.urls")),
    path("", include("atlas.moderation.urls")),
    path("", include("atlas.map.urls")),
    path("", include("geodata.urls")),
    path("", include("planning.urls")),
    path("", include("atlas.events.urls")),
    path("", include("atlas.resources.urls")),
]
