"""Whether an entry of any feature (directory, events, resources) is public."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PENDING = "pending", _("wartet auf Prüfung")
    PUBLISHED = "published", _("veröffentlicht")
    ARCHIVED = "archived", _("archiviert")
