"""Public submissions without an account: they wait in a queue until a coordinator decides."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import MeetingPlace, Organisation
from atlas.events.models import Event


class Submission(models.Model):
    class Kind(models.TextChoices):
        NEW_ORGANISATION = "new_organisation", _("neue Organisation")
        NEW_MEETING_PLACE = "new_meeting_place", _("neuer Treffpunkt")
        NEW_EVENT = "new_event", _("neue Veranstaltung")
        CORRECTION = "correction", _("Korrektur")

    class Status(models.TextChoices):
        PENDING = "pending", _("wartet auf Prüfung")
        APPROVED = "approved", _("angenommen")
        REJECTED = "rejected", _("abgelehnt")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING,
                              db_index=True)
    # The submitted fields as entered (new entries) or the proposed changes (corrections).
    payload = models.JSONField(_("Angaben"))
    # For new entries: the unpublished (pending) entry created from the payload; for corrections:
    # the published entry the correction is about.
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="submissions")
    meeting_place = models.ForeignKey(MeetingPlace, on_delete=models.CASCADE, null=True, blank=True,
                                      related_name="submissions")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, null=True, blank=True, related_name="submissions")
    submitter_name = models.CharField(_("Name der einreichenden Person"), max_length=120, blank=True)
    submitter_email = models.EmailField(_("E-Mail für Rückmeldung"), blank=True)
    # Salted hash of the sender's address, for the rate limit; the address itself is not stored.
    sender_hash = models.CharField(max_length=64, db_index=True, editable=False)
    reason = models.TextField(_("Begründung der Entscheidung"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("geprüft von"))
    reviewed = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    created = models.DateTimeField(_("eingegangen"), auto_now_add=True, db_index=True)

    class Meta:
        app_label = "atlas"
        ordering = ["-created"]
        verbose_name = _("Einreichung")
        verbose_name_plural = _("Einreichungen")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"


class UsedFormToken(models.Model):
    """The signed timestamp of a public form (atlas.moderation.spam) that already came with a stored
    proposal: each is good for one. Only a hash of the token is kept, and only while the token could
    still be accepted (ATLAS_MAX_FORM_AGE_SECONDS); the unique digest refuses a second use even when
    both arrive at once."""

    digest = models.CharField(max_length=64, unique=True)
    used = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        app_label = "atlas"

    def __str__(self):
        return self.digest[:12]


class VerificationReminder(models.Model):
    """One digest mail to an editor about entries not verified for 12 months (never a flood)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent = models.DateTimeField(_("gesendet"), auto_now_add=True, db_index=True)
    organisations = models.JSONField(_("Organisationen"), default=list)

    class Meta:
        app_label = "atlas"
        ordering = ["-sent"]
        verbose_name = _("Prüf-Erinnerung")
        verbose_name_plural = _("Prüf-Erinnerungen")

    def __str__(self):
        return f"{self.user} ({self.sent:%Y-%m-%d})"
