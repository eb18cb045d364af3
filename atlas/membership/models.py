"""Membership in the network MigrAktiv Spandau!: one application each, decided by a coordinator.

An organisation (an entry of the directory) or an individual multiplier applies through an account
whose e-mail address is confirmed (atlas.accounts.confirmation), so nothing is tied to an address
nobody answered for. Acceptance of an organisation's application sets ``Organisation.network_member``;
who counts as a member is decided in one place, ``atlas.roles.permissions.is_network_member``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import Language, Organisation


class MembershipQuerySet(models.QuerySet):
    def current(self):
        return self.filter(status=Membership.Status.ACCEPTED)

    def waiting(self):
        return self.filter(status=Membership.Status.APPLIED)


class Membership(models.Model):
    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        INDIVIDUAL = "individual", _("Einzelperson (Multiplikator:in)")

    class Status(models.TextChoices):
        APPLIED = "applied", _("beantragt")
        ACCEPTED = "accepted", _("Mitglied")
        DECLINED = "declined", _("abgelehnt")
        LEFT = "left", _("ausgetreten")

    kind = models.CharField(_("Art"), max_length=12, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships",
        verbose_name=_("Organisation"),
    )
    # The account that applied (its confirmed address receives the mails); an individual member is this person.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships",
        verbose_name=_("Konto"),
    )
    contact_name = models.CharField(_("Ansprechperson"), max_length=200)
    activities = models.TextField(_("Was wir tun"), max_length=2000)
    languages = models.ManyToManyField(Language, related_name="memberships", blank=True, verbose_name=_("Sprachen"))
    hopes = models.TextField(_("Was wir uns vom Netzwerk erhoffen"), max_length=2000, blank=True)
    show_badge = models.BooleanField(
        _("Mitgliedschaft öffentlich zeigen"), default=False,
        help_text=_("Zeigt das Zeichen „Mitglied im Netzwerk“ auf dem öffentlichen Eintrag der Organisation."),
    )
    # The language the applicant used: mails to them are written in it.
    language = models.CharField(_("Sprache der Mails"), max_length=10, default="de")
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.APPLIED,
                              db_index=True)
    applied = models.DateTimeField(_("beantragt am"), auto_now_add=True)
    decided = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("entschieden von"))
    decision_note = models.TextField(_("Begründung"), blank=True)
    left = models.DateTimeField(_("ausgetreten am"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        app_label = "atlas"
        ordering = ["-applied"]
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="individual", organisation__isnull=True)
                | models.Q(kind="organisation", organisation__isnull=False),
                name="membership_organisation_matches_kind",
            ),
        ]

    def __str__(self):
        return str(self.organisation) if self.organisation_id else self.contact_name
