"""Role groups and admin access: members of "Koordination" or "Planung" are staff, so they can use
the admin with their group's permissions; the groups get their permissions after every migrate."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from atlas.roles.permissions import ROLE_GROUPS, ensure_role_groups, forget_cached_roles


def create_role_groups(sender, **kwargs):
    """post_migrate handler (connected in RolesConfig.ready)."""
    ensure_role_groups()


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="atlas-role-staff")
def staff_follows_role(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    User = get_user_model()
    users = User.objects.filter(pk__in=pk_set or []) if reverse else [instance]
    for user in users:
        if not isinstance(user, User):
            continue
        forget_cached_roles(user)
        in_role = user.groups.filter(name__in=ROLE_GROUPS).exists()
        staff = in_role or user.is_superuser
        if action == "post_add" and in_role and not user.is_staff:
            User.objects.filter(pk=user.pk).update(is_staff=True)
            user.is_staff = True
        elif action != "post_add" and not staff and user.is_staff:
            User.objects.filter(pk=user.pk).update(is_staff=False)
            user.is_staff = False
