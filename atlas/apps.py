from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    name = "atlas"
    verbose_name = _("Verzeichnis")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401
        from .accounts.signals import create_role_groups
        from .history import register_history

        # Change history of entries and events (django-simple-history).
        register_history()
        # Role groups with their admin permissions (atlas.permissions.ensure_role_groups).
        post_migrate.connect(create_role_groups, sender=self, dispatch_uid="atlas-role-groups")
