from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "atlas.accounts"
    label = "atlas_accounts"
    verbose_name = _("Konten")
