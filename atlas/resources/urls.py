"""Pages of the resources library (included at the site root by config/urls.py)."""

from django.conf import settings
from django.conf.urls.static import static
from django.urls import path

from atlas.resources import views as resources

app_name = "resources"

urlpatterns = [
    path("ressourcen/", resources.ResourceListView.as_view(), name="resource-list"),
    path("ressourcen/<slug:slug>/", resources.ResourceDetailView.as_view(), name="resource-detail"),
    path("ressourcen/<slug:slug>/download/", resources.ResourceDownloadView.as_view(), name="resource-download"),
]

# Uploaded files under MEDIA_URL during development only (static() adds nothing unless DEBUG is on).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
