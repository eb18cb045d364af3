from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Planung")

    def ready(self):
        # Imported here, not at the top: the receiver module needs the models, which load after the configs.
        from geodata.signals import geodata_imported
        from planning.models import mark_default_stale
        from planning.transit.access import forget

        # A change to the supply (entries, rooms) marks the default coverage run stale.
        for label in ("atlas.Organisation", "atlas.MeetingPlace", "atlas.Room"):
            post_save.connect(mark_default_stale, sender=label, dispatch_uid=f"coverage-stale-save-{label}")
            post_delete.connect(mark_default_stale, sender=label, dispatch_uid=f"coverage-stale-delete-{label}")
        # The public-transport figures are cached until the stops or areas change.
        geodata_imported.connect(forget, dispatch_uid="transit-access-imported")
        for label in ("geodata.TransitStop", "geodata.PlanningArea", "geodata.Population"):
            post_save.connect(forget, sender=label, dispatch_uid=f"transit-access-save-{label}")
            post_delete.connect(forget, sender=label, dispatch_uid=f"transit-access-delete-{label}")
