from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    """The `atlas` app label: it owns the tables and migrations of every feature's models
    (atlas/<feature>/models.py declare app_label "atlas"); the features are apps of their own."""

    name = "atlas"
    verbose_name = _("Verzeichnis")
