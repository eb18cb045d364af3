"""The network's workflows: who edits which organisation, and the needs analysis (Bedarfsanalyse)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .directory import Organisation
from .taxonomy import Vocabulary


class OrganisationEditor(models.Model):
    """A person who may edit one organisation and submit its events (role "organisation editor")."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="editor_links")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_links")
    added = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="one_editor_link_per_pair")]
        verbose_name = _("Redakteur:in einer Organisation")
        verbose_name_plural = _("Redakteur:innen von Organisationen")

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class SupportTopic(Vocabulary):
    """What an organisation can need or offer: rooms, funding, training in fundraising, volunteers, …"""

    class Meta(Vocabulary.Meta):
        verbose_name = _("Bedarfs- und Angebotsthema")
        verbose_name_plural = _("Bedarfs- und Angebotsthemen")


class NeedsAssessment(models.Model):
    """An organisation's answers to the structured questionnaire; one current assessment each."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="needs_assessment")
    comment = models.TextField(_("Anmerkungen"), blank=True)
    updated = models.DateTimeField(_("zuletzt geändert"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("Bedarfsanalyse")
        verbose_name_plural = _("Bedarfsanalysen")

    def __str__(self):
        return str(self.organisation)


class Need(models.Model):
    class Priority(models.IntegerChoices):
        HIGH = 1, _("dringend")
        MEDIUM = 2, _("wichtig")
        LOW = 3, _("wünschenswert")

    assessment = models.ForeignKey(NeedsAssessment, on_delete=models.CASCADE, related_name="needs")
    topic = models.ForeignKey(SupportTopic, on_delete=models.PROTECT, related_name="needs")
    priority = models.PositiveSmallIntegerField(_("Dringlichkeit"), choices=Priority.choices, default=Priority.MEDIUM)
    note = models.CharField(_("Beschreibung"), max_length=300, blank=True)

    class Meta:
        ordering = ["priority", "topic__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "topic"], name="one_need_per_topic")]
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")

    def __str__(self):
        return f"{self.assessment}: {self.topic}"


class Offer(models.Model):
    assessment = models.ForeignKey(NeedsAssessment, on_delete=models.CASCADE, related_name="offers")
    topic = models.ForeignKey(SupportTopic, on_delete=models.PROTECT, related_name="offers")
    note = models.CharField(_("Beschreibung"), max_length=300, blank=True)

    class Meta:
        ordering = ["topic__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "topic"], name="one_offer_per_topic")]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")

    def __str__(self):
        return f"{self.assessment}: {self.topic}"


class VerificationReminder(models.Model):
    """One digest mail to an editor about entries not verified for 12 months (never a flood)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent = models.DateTimeField(_("gesendet"), auto_now_add=True, db_index=True)
    organisations = models.JSONField(_("Organisationen"), default=list)

    class Meta:
        ordering = ["-sent"]
        verbose_name = _("Prüf-Erinnerung")
        verbose_name_plural = _("Prüf-Erinnerungen")

    def __str__(self):
        return f"{self.user} ({self.sent:%Y-%m-%d})"
