from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "atlas.groups"
    label = "atlas_groups"
    verbose_name = _("Arbeitsgruppen")
