from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeocodingConfig(AppConfig):
    name = "atlas.geocoding"
    label = "atlas_geocoding"
    verbose_name = _("Geokodierung")
