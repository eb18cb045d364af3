"""Area subscriptions: who wants news of which area, in which language, and what the digests have seen.

A subscription stores only what sending the digest needs: the e-mail address, the area (an Ortsteil, or
a point rounded to about 100 m with a radius — never the address typed), the optional fields of activity
and languages, the language of the mails and its dates. Unconfirmed subscriptions are deleted after
ATLAS_SUBSCRIPTION_CONFIRMATION_DAYS; unsubscribing deletes the row.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import Category, Language, MeetingPlace, Organisation
from atlas.events.models import Event
from geodata.models import Ortsteil

# Decimal places of a stored centre: 0.001° is about 110 m north-south and 70 m east-west here.
CENTRE_DECIMALS = 3


class AreaSubscription(models.Model):
    class Radius(models.IntegerChoices):
        M500 = 500, _("500 m")
        KM1 = 1000, _("1 km")
        KM2 = 2000, _("2 km")

    email = models.EmailField(_("E-Mail-Adresse"))
    language = models.CharField(_("Sprache der E-Mails"), max_length=7, choices=settings.LANGUAGES)
    ortsteil = models.ForeignKey("geodata.Ortsteil", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+", verbose_name=_("Ortsteil"))
    centre = models.PointField(_("Mittelpunkt"), srid=settings.STORAGE_SRID, null=True, blank=True)
    radius_m = models.PositiveIntegerField(_("Umkreis"), choices=Radius.choices, null=True, blank=True)
    categories = models.ManyToManyField(Category, blank=True, related_name="+", verbose_name=_("Tätigkeitsfelder"))
    languages = models.ManyToManyField(Language, blank=True, related_name="+", verbose_name=_("Sprachen"))
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    confirmed = models.DateTimeField(_("bestätigt"), null=True, blank=True)
    # Entries that appeared after this moment are news for the next digest.
    news_since = models.DateTimeField(null=True, blank=True)
    last_digest = models.DateTimeField(_("letzte Zusammenfassung"), null=True, blank=True)

    class Meta:
        app_label = "atlas"
        verbose_name = _("Abonnement „Neues in meiner Nähe“")
        verbose_name_plural = _("Abonnements „Neues in meiner Nähe“")
        constraints = [
            models.CheckConstraint(
                condition=(Q(ortsteil__isnull=False, centre__isnull=True, radius_m__isnull=True)
                           | Q(ortsteil__isnull=True, centre__isnull=False, radius_m__isnull=False)),
                name="area_subscription_one_area"),
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    @property
    def is_confirmed(self):
        return self.confirmed is not None

    def area_description(self):
        """The area in words, in the active language: "Ortsteil Staaken", "1 km around the address …"."""
        if self.ortsteil_id:
            return gettext("Ortsteil %(name)s") % {"name": self.ortsteil.name}
        radius = self.get_radius_m_display()
        ortsteil = Ortsteil.objects.filter(geom__contains=self.centre).first()
        if ortsteil is None:
            return gettext("Umkreis von %(radius)s um die angegebene Adresse") % {"radius": radius}
        return gettext("Umkreis von %(radius)s um die angegebene Adresse (Ortsteil %(ortsteil)s)") % {
            "radius": radius, "ortsteil": ortsteil.name}

    def topics_description(self):
        """The chosen fields of activity and languages in words, or "" when none were chosen."""
        parts = []
        categories = [category.label for category in self.categories.all()]
        if categories:
            parts.append(gettext("Tätigkeitsfelder: %(names)s") % {"names": ", ".join(categories)})
        languages = [language.native_name for language in self.languages.all()]
        if languages:
            parts.append(gettext("Sprachen: %(names)s") % {"names": ", ".join(languages)})
        return "; ".join(parts)


class Appearance(models.Model):
    """When the digests first saw an entry published (one row per entry, written by the digest run).

    The entries have no publication date of their own (a proposal is created pending and published
    later), so each run of the digests records the published entries it has not seen before: they
    are the news of that run."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, null=True, related_name="+")
    meeting_place = models.OneToOneField(MeetingPlace, on_delete=models.CASCADE, null=True, related_name="+")
    event = models.OneToOneField(Event, on_delete=models.CASCADE, null=True, related_name="+")
    seen = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "atlas"
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False, meeting_place__isnull=True, event__isnull=True)
                           | Q(organisation__isnull=True, meeting_place__isnull=False, event__isnull=True)
                           | Q(organisation__isnull=True, meeting_place__isnull=True, event__isnull=False)),
                name="appearance_of_one_entry"),
        ]


class DigestRun(models.Model):
    """One run of send_area_digests: what it did, in counts (coordinators see these in the admin)."""

    started = models.DateTimeField(_("gestartet"), db_index=True)
    finished = models.DateTimeField(_("beendet"), null=True, blank=True)
    new_entries = models.PositiveIntegerField(_("neu veröffentlichte Einträge"), default=0)
    subscriptions_due = models.PositiveIntegerField(_("fällige Abonnements"), default=0)
    digests_sent = models.PositiveIntegerField(_("gesendete Zusammenfassungen"), default=0)
    expired_deleted = models.PositiveIntegerField(_("gelöschte unbestätigte Abonnements"), default=0)

    class Meta:
        app_label = "atlas"
        ordering = ["-started"]
        verbose_name = _("Versand „Neues in meiner Nähe“")
        verbose_name_plural = _("Versände „Neues in meiner Nähe“")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.started:%Y-%m-%d %H:%M}"
