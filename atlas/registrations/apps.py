from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "atlas.registrations"
    label = "atlas_registrations"
    verbose_name = _("Anmeldungen")
