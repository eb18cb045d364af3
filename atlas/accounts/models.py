"""Which e-mail address a user has proven to receive mail at."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConfirmedEmail(models.Model):
    """The address a user confirmed by following a signed link sent to it (atlas.accounts.confirmation)
    or by setting a new password through the reset link. It counts only while it is still the user's
    address: a changed address is unconfirmed until it is confirmed again."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="confirmed_email",
                                verbose_name=_("Konto"))
    email = models.EmailField(_("bestätigte E-Mail-Adresse"))
    confirmed = models.DateTimeField(_("bestätigt am"))

    class Meta:
        app_label = "atlas"
        verbose_name = _("bestätigte E-Mail-Adresse")
        verbose_name_plural = _("bestätigte E-Mail-Adressen")

    def __str__(self):
        return self.email
