from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "atlas.moderation"
    label = "atlas_moderation"
    verbose_name = _("Moderation")

    def ready(self):
        # Imported here, not at the top: it needs the models, which load after the app configs.
        from atlas.moderation.recording import register_history

        # Change history of entries and events (django-simple-history).
        register_history()
