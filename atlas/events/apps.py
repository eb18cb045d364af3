from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "atlas.events"
    label = "atlas_events"
    verbose_name = _("Veranstaltungen")
