from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    name = "atlas"
    verbose_name = _("Verzeichnis")

    def ready(self):
        from . import signals  # noqa: F401
        from .history import register_history

        # Change history of entries and events (django-simple-history).
        register_history()
