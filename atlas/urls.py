from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("atlas.api.urls")),
    path("", include("atlas.urls_public")),
    path("", include("atlas.urls_export")),
    path("", include("atlas.needs.urls")),
    path("", include("atlas.urls_accounts")),
    path("", include("geodata.urls")),
    path("", include("atlas.urls_network")),
]
