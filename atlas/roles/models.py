"""Who edits which organisation: the link that makes a user an organisation editor.

The organisation is named by its label ("atlas.Organisation"), so the roles sit below the directory
that asks them (atlas.roles.permissions) without importing it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationEditor(models.Model):
    """A person who may edit one organisation and submit its events (role "organisation editor")."""

    organisation = models.ForeignKey("atlas.Organisation", on_delete=models.CASCADE, related_name="editor_links")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_links")
    added = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        app_label = "atlas"
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="one_editor_link_per_pair")]
        verbose_name = _("Redakteur:in einer Organisation")
        verbose_name_plural = _("Redakteur:innen von Organisationen")

    def __str__(self):
        return f"{self.user} → {self.organisation}"
