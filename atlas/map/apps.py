from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapConfig(AppConfig):
    name = "atlas.map"
    label = "atlas_map"
    verbose_name = _("Karte")
