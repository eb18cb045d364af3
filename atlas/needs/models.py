"""The needs analysis (Bedarfsanalyse): what organisations need and what they can offer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import Organisation, Vocabulary


class SupportTopic(Vocabulary):
    """What an organisation can need or offer: rooms, funding, training in fundraising, volunteers, …"""

    class Meta(Vocabulary.Meta):
        app_label = "atlas"
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
        app_label = "atlas"
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
        app_label = "atlas"
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
        app_label = "atlas"
        ordering = ["topic__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "topic"], name="one_offer_per_topic")]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")

    def __str__(self):
        return f"{self.assessment}: {self.topic}"
