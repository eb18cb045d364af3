"""Areas, statistics and social infrastructure of Spandau.

Geometries are stored in EPSG:4326 (as published); metric work happens in EPSG:25833.
Every layer and feature points to the DataSource it came from, so the attribution
can always be shown next to the figure.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from common.projection import to_metric


class DataSource(models.Model):
    key = models.SlugField(_("Schlüssel"), max_length=80, unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    publisher = models.CharField(_("Herausgeber"), max_length=200)
    licence = models.CharField(_("Lizenz"), max_length=120)
    attribution = models.CharField(_("Namensnennung"), max_length=400)
    vintage = models.CharField(_("Stand"), max_length=60)
    url = models.URLField(_("Adresse"), max_length=400, blank=True)
    file_name = models.CharField(_("Datei"), max_length=200, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("Datenquelle")
        verbose_name_plural = _("Datenquellen")

    def __str__(self):
        return self.title


class Area(models.Model):
    """Common fields of the administrative and statistical areas."""

    key = models.CharField(_("Schlüssel"), max_length=12, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    geom = models.MultiPolygonField(_("Geometrie"), srid=settings.STORAGE_SRID)
    area_m2 = models.FloatField(_("Fläche (m²)"))
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, verbose_name=_("Quelle"))

    class Meta:
        abstract = True
        ordering = ["key"]

    def __str__(self):
        return self.name


class Bezirk(Area):
    class Meta(Area.Meta):
        verbose_name = _("Bezirk")
        verbose_name_plural = _("Bezirke")


class Ortsteil(Area):
    class Meta(Area.Meta):
        verbose_name = _("Ortsteil")
        verbose_name_plural = _("Ortsteile")


class Prognoseraum(Area):
    class Meta(Area.Meta):
        verbose_name = _("Prognoseraum")
        verbose_name_plural = _("Prognoseräume")


class Bezirksregion(Area):
    prognoseraum = models.ForeignKey(Prognoseraum, on_delete=models.PROTECT, related_name="bezirksregionen")

    class Meta(Area.Meta):
        verbose_name = _("Bezirksregion")
        verbose_name_plural = _("Bezirksregionen")


class PlanningArea(Area):
    """LOR Planungsraum, version 01.01.2021."""

    bezirksregion = models.ForeignKey(Bezirksregion, on_delete=models.PROTECT, related_name="planning_areas")
    # The Ortsteil holding most of the planning area (LOR and Ortsteile are separate hierarchies).
    ortsteil = models.ForeignKey(Ortsteil, on_delete=models.PROTECT, related_name="planning_areas")

    class Meta(Area.Meta):
        verbose_name = _("Planungsraum")
        verbose_name_plural = _("Planungsräume")


AGE_GROUPS = ("below_6", "6_15", "15_18", "18_27", "27_45", "45_55", "55_65", "above_65")


class Population(models.Model):
    """Registered residents of a planning area (Einwohnerregisterstatistik, tables T1–T4)."""

    planning_area = models.OneToOneField(PlanningArea, on_delete=models.CASCADE, related_name="population")
    reference_date = models.DateField(_("Stichtag"))
    residents = models.PositiveIntegerField(_("Einwohner:innen"))
    with_migration_background = models.PositiveIntegerField(_("mit Migrationshintergrund"))
    germans = models.PositiveIntegerField(_("Deutsche"))
    germans_without_migration_background = models.PositiveIntegerField(_("Deutsche ohne Migrationshintergrund"))
    germans_with_migration_background = models.PositiveIntegerField(_("Deutsche mit Migrationshintergrund"))
    foreigners = models.PositiveIntegerField(_("Ausländer:innen"))
    female = models.PositiveIntegerField(_("weiblich"))
    # {"below_6": n, "6_15": n, …}: all residents (T2) and those with migration background (T3).
    age_groups = models.JSONField(_("Altersgruppen"))
    migration_background_age_groups = models.JSONField(_("Altersgruppen mit Migrationshintergrund"))
    migration_background_female = models.PositiveIntegerField(_("weiblich mit Migrationshintergrund"))
    # {"turkey": n, "former_soviet_union": n, …}: residents with migration background by region of
    # origin (T4). Sub-groups are contained in their umbrella groups.
    origin = models.JSONField(_("Herkunftsgebiete"))
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, verbose_name=_("Quelle"))

    class Meta:
        verbose_name = _("Bevölkerung")
        verbose_name_plural = _("Bevölkerung")

    def __str__(self):
        return f"{self.planning_area}: {self.residents}"

    @property
    def migration_background_share(self):
        return _share(self.with_migration_background, self.residents)

    @property
    def foreigners_share(self):
        return _share(self.foreigners, self.residents)


def _share(part, whole):
    return round(100.0 * part / whole, 2) if whole else None


class SocialMonitoring(models.Model):
    """Monitoring Soziale Stadtentwicklung (MSS) 2021, state 31.12.2020."""

    STATUS_CLASSES = {1: _("hoch"), 2: _("mittel"), 3: _("niedrig"), 4: _("sehr niedrig")}
    DYNAMICS_CLASSES = {1: _("positiv"), 3: _("stabil"), 5: _("negativ")}

    planning_area = models.OneToOneField(PlanningArea, on_delete=models.CASCADE, related_name="social_monitoring")
    residents_2020 = models.PositiveIntegerField(_("Einwohner:innen 2020"))
    # False where the area has under 300 residents: the MSS publishes no values then.
    valid = models.BooleanField(_("gültig"))
    status_index = models.PositiveSmallIntegerField(_("Statusindex"), null=True)
    dynamics_index = models.PositiveSmallIntegerField(_("Dynamikindex"), null=True)
    status_dynamics_class = models.CharField(_("Status-Dynamik-Index"), max_length=40, blank=True)
    unemployment = models.FloatField(_("Arbeitslosigkeit (S1, %)"), null=True)
    transfer_benefits = models.FloatField(_("Transferbezug (S3, %)"), null=True)
    child_poverty = models.FloatField(_("Kinderarmut (S4, %)"), null=True)
    unemployment_change = models.FloatField(_("Veränderung S1 (D1, Pp.)"), null=True)
    transfer_benefits_change = models.FloatField(_("Veränderung S3 (D3, Pp.)"), null=True)
    child_poverty_change = models.FloatField(_("Veränderung S4 (D4, Pp.)"), null=True)
    # Context indicators KI_01 … KI_17 in %, as published (None where empty or invalid).
    context_indicators = models.JSONField(_("Kontextindikatoren"))
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, verbose_name=_("Quelle"))

    class Meta:
        verbose_name = _("Sozialmonitoring (MSS 2021)")
        verbose_name_plural = _("Sozialmonitoring (MSS 2021)")

    def __str__(self):
        return f"{self.planning_area}: {self.status_index}"

    @property
    def status_label(self):
        return self.STATUS_CLASSES.get(self.status_index)

    @property
    def dynamics_label(self):
        return self.DYNAMICS_CLASSES.get(self.dynamics_index)


class HousingOwnership(models.Model):
    """Ownership of residential land (Eigentumskonzentration 2022), shares in %."""

    planning_area = models.OneToOneField(PlanningArea, on_delete=models.CASCADE, related_name="housing_ownership")
    residential_area_m2 = models.FloatField(_("Wohn- und Mischfläche (m²)"))
    municipal_share = models.FloatField(_("städtische Wohnungsbaugesellschaften (%)"))
    cooperative_share = models.FloatField(_("Genossenschaften (%)"))
    private_persons_share = models.FloatField(_("natürliche Personen (%)"))
    legal_entities_share = models.FloatField(_("juristische Personen (%)"))
    common_good_share = models.FloatField(_("gemeinwohlorientierte Eigentümer (%)"))
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, verbose_name=_("Quelle"))

    class Meta:
        verbose_name = _("Eigentumsverhältnisse")
        verbose_name_plural = _("Eigentumsverhältnisse")

    def __str__(self):
        return f"{self.planning_area}: {self.municipal_share} %"


class FacilityType(models.Model):
    """Kind of social infrastructure; data, so coordinators can add and rename types."""

    key = models.SlugField(_("Schlüssel"), max_length=40, unique=True)
    name = models.CharField(_("Name"), max_length=80)
    colour = models.CharField(_("Farbe"), max_length=7, default="#555555")

    class Meta:
        ordering = ["name"]
        verbose_name = _("Einrichtungsart")
        verbose_name_plural = _("Einrichtungsarten")

    def __str__(self):
        return self.name


class Facility(models.Model):
    """A point of social infrastructure from an official layer or OpenStreetMap."""

    name = models.CharField(_("Name"), max_length=200)
    facility_type = models.ForeignKey(FacilityType, on_delete=models.PROTECT, related_name="facilities",
                                      verbose_name=_("Art"))
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True)
    website = models.URLField(_("Website"), max_length=400, blank=True)
    capacity = models.PositiveIntegerField(_("Plätze"), null=True, blank=True)
    operator = models.CharField(_("Träger"), max_length=200, blank=True)
    geom = models.PointField(_("Lage"), srid=settings.STORAGE_SRID)
    # The same point in EPSG:25833 with its own index, for nearest-neighbour and catchment work.
    geom_metric = models.PointField(srid=settings.METRIC_SRID, editable=False)
    planning_area = models.ForeignKey(PlanningArea, on_delete=models.PROTECT, related_name="facilities")
    ortsteil = models.ForeignKey(Ortsteil, on_delete=models.PROTECT, related_name="facilities")
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, verbose_name=_("Quelle"))
    source_key = models.CharField(_("Kennung in der Quelle"), max_length=80)
    attributes = models.JSONField(_("Originalattribute"), default=dict)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["source", "source_key"], name="facility_unique_per_source")]
        verbose_name = _("Einrichtung")
        verbose_name_plural = _("Einrichtungen")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.geom_metric = to_metric(self.geom)
        super().save(*args, **kwargs)


class HousingEstate(models.Model):
    """A large housing estate (Großwohnsiedlung). No official polygons exist: the first version is
    derived from planning areas (see docs/data.md), coordinators redraw them in the admin."""

    name = models.CharField(_("Name"), max_length=200)
    geom = models.MultiPolygonField(_("Umriss"), srid=settings.STORAGE_SRID)
    planning_areas = models.ManyToManyField(PlanningArea, related_name="housing_estates", blank=True,
                                            verbose_name=_("Planungsräume"))
    derivation = models.TextField(_("Herleitung"), blank=True)
    # Set when a coordinator edited the outline: the importer never overwrites it then.
    edited = models.BooleanField(_("von Hand bearbeitet"), default=False)
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, verbose_name=_("Quelle"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("Großwohnsiedlung")
        verbose_name_plural = _("Großwohnsiedlungen")

    def __str__(self):
        return self.name



class TransitMode(models.TextChoices):
    """Means of transport, in the order a stop lists them (rail first). The VBB file has no modes: the
    importer reads them from the station names (geodata/importers/transit.py, docs/data.md)."""

    SBAHN = "sbahn", _("S-Bahn")
    UBAHN = "ubahn", _("U-Bahn")
    REGIONAL = "regional", _("Regionalbahn")
    TRAM = "tram", _("Tram")
    BUS = "bus", _("Bus")


class TransitStop(models.Model):
    """A public-transport station or stop of the VBB, in Spandau or within 1.5 km of it. Several
    stops may share a name (the platforms or stop points of one station)."""

    name = models.CharField(_("Name"), max_length=200)
    # TransitMode values, rail first; a list rather than a relation: five fixed values, read together.
    modes = models.JSONField(_("Verkehrsmittel"), default=list)
    # S-Bahn or U-Bahn: such stations come first among the nearest stops (geodata/transit.py).
    rapid_transit = models.BooleanField(_("S- oder U-Bahn"), default=False)
    # The point of its name with the most departures and arrivals (the file's weight): the one the map
    # draws, where a station's platforms and bus stops would otherwise crowd it with a dozen symbols.
    main_point = models.BooleanField(_("Hauptpunkt der Haltestelle"), default=False)
    geom = models.PointField(_("Lage"), srid=settings.STORAGE_SRID)
    # The same point in EPSG:25833 with its own index, for the nearest stops.
    geom_metric = models.PointField(srid=settings.METRIC_SRID, editable=False)
    source = models.ForeignKey(DataSource, on_delete=models.PROTECT, verbose_name=_("Quelle"))
    source_key = models.CharField(_("Kennung in der Quelle"), max_length=80)
    attributes = models.JSONField(_("Originalattribute"), default=dict)

    class Meta:
        ordering = ["name", "source_key"]
        constraints = [models.UniqueConstraint(fields=["source", "source_key"], name="transit_stop_unique_per_source")]
        verbose_name = _("Haltestelle")
        verbose_name_plural = _("Haltestellen")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.geom_metric = to_metric(self.geom)
        super().save(*args, **kwargs)

    @property
    def mode_labels(self):
        return [str(TransitMode(mode).label) for mode in self.modes if mode in TransitMode.values]
