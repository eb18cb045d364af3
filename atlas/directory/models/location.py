"""Where a directory entry is: address, point, how precise the point is, and its areas."""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atlas.geocoding.result import PRECISE_PRECISIONS, LocationPrecision
from common.projection import to_metric
from geodata.models import Ortsteil, PlanningArea


class Located(models.Model):
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    location = models.PointField(_("Lage"), srid=settings.STORAGE_SRID, null=True, blank=True)
    # The same point in EPSG:25833 with its own index: nearest-first and radius queries use it.
    location_metric = models.PointField(srid=settings.METRIC_SRID, null=True, blank=True, editable=False)
    location_precision = models.CharField(
        _("Genauigkeit der Lage"), max_length=20, choices=LocationPrecision.choices, blank=True
    )
    # A coordinator dragged the marker: later geocoding never overwrites this point.
    location_set_manually = models.BooleanField(_("Lage von Hand gesetzt"), default=False)
    needs_location = models.BooleanField(_("Lage fehlt"), default=False, db_index=True)
    planning_area = models.ForeignKey(
        "geodata.PlanningArea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("Planungsraum"),
    )
    ortsteil = models.ForeignKey(
        "geodata.Ortsteil", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("Ortsteil"),
    )

    class Meta:
        app_label = "atlas"
        abstract = True

    @property
    def address_line(self):
        return self.format_address(self.street, self.postcode)

    @staticmethod
    def format_address(street, postcode):
        """"Obstallee 22, 13593 Berlin" (either part may be missing; '' for neither)."""
        return ", ".join(part for part in (street, f"{postcode} Berlin" if postcode else "") if part)

    def derive_location_fields(self):
        """Keeps the metric point and the areas in step with the point."""
        if self.location is None:
            self.location_metric = None
            self.planning_area = None
            self.ortsteil = None
            self.needs_location = True
            return
        self.location_metric = to_metric(self.location)
        self.planning_area = PlanningArea.objects.filter(geom__contains=self.location).first()
        self.ortsteil = Ortsteil.objects.filter(geom__contains=self.location).first()
        self.needs_location = False

    def save(self, *args, **kwargs):
        self.derive_location_fields()
        super().save(*args, **kwargs)


def without_precise_point():
    """The entries a coordinator should place by hand ("Lage genau setzen", atlas/directory/placing/): no
    point, or one only estimated (along the street, a planning area's or an Ortsteil's point); never one
    a person set. Use as `Organisation.objects.filter(without_precise_point())`."""
    return Q(location_set_manually=False) & (Q(location__isnull=True) | ~Q(location_precision__in=PRECISE_PRECISIONS))
