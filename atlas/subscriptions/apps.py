from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "atlas.subscriptions"
    label = "atlas_subscriptions"
    verbose_name = _("Neues in meiner Nähe")
