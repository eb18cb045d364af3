"""Vocabularies of the directory. They are data, so coordinators can add and rename entries."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.Model):
    key = models.SlugField(_("Schlüssel"), max_length=60, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)

    class Meta:
        app_label = "atlas"
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the reader's language where the catalogue has it (seeded names are marked
        for translation in atlas/directory/initial_vocabularies.py); otherwise the name as a coordinator typed it."""
        return gettext(self.name)


class Category(Vocabulary):
    """A field of activity (Beratung, Sprachkurse, Hausaufgabenhilfe, …)."""

    colour = models.CharField(_("Farbe"), max_length=7, default="#00587a")

    class Meta(Vocabulary.Meta):
        app_label = "atlas"
        verbose_name = _("Tätigkeitsfeld")
        verbose_name_plural = _("Tätigkeitsfelder")


class TargetGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        app_label = "atlas"
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class Community(Vocabulary):
    """A community or region of origin an organisation serves."""

    class Meta(Vocabulary.Meta):
        app_label = "atlas"
        verbose_name = _("Community / Herkunftsregion")
        verbose_name_plural = _("Communities / Herkunftsregionen")


class MeetingPlaceType(Vocabulary):
    class Meta(Vocabulary.Meta):
        app_label = "atlas"
        verbose_name = _("Art des Treffpunkts")
        verbose_name_plural = _("Arten von Treffpunkten")


class Language(models.Model):
    """A language spoken, by ISO 639-1 code (639-3 where no 639-1 code exists)."""

    code = models.CharField(_("ISO-639-Code"), max_length=3, unique=True)
    native_name = models.CharField(_("Name in der Sprache selbst"), max_length=60)
    german_name = models.CharField(_("deutscher Name"), max_length=60)
    rtl = models.BooleanField(_("von rechts nach links"), default=False)

    class Meta:
        app_label = "atlas"
        ordering = ["german_name"]
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")

    def __str__(self):
        return f"{self.native_name} ({self.code})"
