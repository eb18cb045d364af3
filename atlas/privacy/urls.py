"""The privacy notice (included at the site root by config/urls.py)."""

from django.urls import path

from atlas.privacy.views import PrivacyView

urlpatterns = [
    path("datenschutz/", PrivacyView.as_view(), name="privacy"),
]
