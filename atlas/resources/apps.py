from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "atlas.resources"
    label = "atlas_resources"
    verbose_name = _("Ressourcen")
