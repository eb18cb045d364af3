from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    name = "atlas.needs"
    label = "atlas_needs"
    verbose_name = _("Bedarfsanalyse")
