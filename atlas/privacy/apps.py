from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "atlas.privacy"
    label = "atlas_privacy"
    verbose_name = _("Datenschutz")
