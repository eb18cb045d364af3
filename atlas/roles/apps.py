from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    name = "atlas.roles"
    label = "atlas_roles"
    verbose_name = _("Rollen")

    def ready(self):
        # Imported here, not at the top: receivers may import models only once the registry is ready.
        from atlas.roles.signals import create_role_groups

        # Role groups with their admin permissions (atlas.roles.permissions.ensure_role_groups).
        post_migrate.connect(create_role_groups, sender=self, dispatch_uid="atlas-role-groups")
