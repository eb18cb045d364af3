"""Geocoding data: the official address list (a gazetteer without coordinates) and the result cache.

The gazetteer refers to planning areas and Ortsteile by their keys, not by foreign keys, so that
re-importing the geodata (which may replace those rows) never cascades into or is blocked by it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GazetteerAddress(models.Model):
    """One row of "Adressen Berlin" (Geoportal Berlin), clipped to Spandau; see import_gazetteer."""

    street = models.CharField(_("Straße"), max_length=120)
    # normalize.fold(street): case-, umlaut- and "Straße/Str."-insensitive matching key.
    street_key = models.CharField(max_length=120, db_index=True, editable=False)
    number = models.PositiveIntegerField(_("Hausnummer"), null=True, blank=True)
    suffix = models.CharField(_("Zusatz"), max_length=4, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5)
    ortsteil_key = models.CharField(_("Ortsteil"), max_length=12)
    planning_area_key = models.CharField(_("Planungsraum"), max_length=12, db_index=True)

    class Meta:
        app_label = "atlas"
        ordering = ["street", "number", "suffix"]
        indexes = [models.Index(fields=["street_key", "number"], name="gazetteer_street_number")]
        constraints = [
            models.UniqueConstraint(fields=["street", "number", "suffix", "postcode"], name="gazetteer_unique_address"),
        ]
        verbose_name = _("Adresse (Gazetteer)")
        verbose_name_plural = _("Adressen (Gazetteer)")

    def __str__(self):
        number = f" {self.number}{self.suffix}" if self.number is not None else ""
        return f"{self.street}{number}, {self.postcode} Berlin"


class GeocodeCache(models.Model):
    """A geocoding answer of an online provider, keyed by the normalised query."""

    query_key = models.CharField(max_length=255, unique=True)
    query = models.CharField(_("Anfrage"), max_length=255)
    provider = models.CharField(_("Dienst"), max_length=40)
    found = models.BooleanField(_("gefunden"))
    # GeocodeResult.as_dict() when found, else null.
    result = models.JSONField(_("Ergebnis"), null=True, blank=True)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True, db_index=True)

    class Meta:
        app_label = "atlas"
        ordering = ["-created"]
        verbose_name = _("Geocoding-Cache-Eintrag")
        verbose_name_plural = _("Geocoding-Cache")

    def __str__(self):
        return f"{self.query} ({self.provider})"
