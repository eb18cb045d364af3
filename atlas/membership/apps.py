from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "atlas.membership"
    label = "atlas_membership"
    verbose_name = _("Mitgliedschaft im Netzwerk")
