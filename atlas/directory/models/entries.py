"""The directory: organisations and the places where people can meet."""

from django.conf import settings
from django.contrib.gis.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from atlas.directory.models.location import Located
from atlas.directory.models.search_text import build_search_text
from atlas.directory.models.vocabularies import Category, Community, Language, MeetingPlaceType, TargetGroup
from common.publication import PublicationStatus


class WheelchairAccess(models.TextChoices):
    YES = "yes", _("rollstuhlgerecht")
    LIMITED = "limited", _("eingeschränkt")
    NO = "no", _("nicht rollstuhlgerecht")
    UNKNOWN = "unknown", _("unbekannt")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


class DirectoryEntry(Located):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname"), max_length=120, unique=True)
    short_description = models.CharField(_("Kurzbeschreibung"), max_length=300, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), max_length=400, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=60, blank=True)
    # {"mo": [["09:00", "13:00"], ["14:00", "17:00"]], "tu": [], …}; a day missing means closed.
    opening_hours = models.JSONField(_("Öffnungszeiten"), default=dict, blank=True)
    opening_hours_note = models.CharField(_("Hinweis zu Öffnungszeiten"), max_length=300, blank=True)
    wheelchair_access = models.CharField(
        _("Barrierefreiheit"), max_length=10, choices=WheelchairAccess.choices, default=WheelchairAccess.UNKNOWN
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT, db_index=True
    )
    # Sample entries exist only for demonstrations and are marked "Beispiel/Sample" wherever shown.
    is_sample = models.BooleanField(_("Beispieldatensatz"), default=False)
    last_verified = models.DateField(_("zuletzt geprüft"), null=True, blank=True)
    # Descriptions in other languages: {"en": {"short_description": "…", "description": "…"}, …};
    # a missing language or field falls back to the German text.
    translations = models.JSONField(_("Übersetzungen"), default=dict, blank=True)
    # Folded words for the search (atlas/directory/models/search_text.py, atlas/directory/search/), refreshed on
    # save and M2M changes; on PostGIS with a trigram index (migration 0012, not declared here).
    search_text = models.TextField(blank=True, editable=False)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        app_label = "atlas"
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def translated(self, field, language_code):
        """The field's text in the language, falling back to German (the stored field)."""
        text = (self.translations or {}).get((language_code or "")[:2], {}).get(field)
        return text or getattr(self, field)

    def refresh_search_text(self):
        self.search_text = build_search_text(self)
        type(self).objects.filter(pk=self.pk).update(search_text=self.search_text)


class Organisation(DirectoryEntry):
    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Verein")
        INITIATIVE = "initiative", _("Initiative")
        COMMUNITY = "community", _("Community")
        RELIGIOUS = "religious", _("Religionsgemeinschaft")
        INDIVIDUAL = "individual", _("Einzelperson")

    kind = models.CharField(_("Art"), max_length=12, choices=Kind.choices, default=Kind.ASSOCIATION)
    categories = models.ManyToManyField(Category, related_name="organisations", blank=True,
                                        verbose_name=_("Tätigkeitsfelder"))
    languages = models.ManyToManyField(Language, related_name="organisations", blank=True,
                                       verbose_name=_("gesprochene Sprachen"))
    target_groups = models.ManyToManyField(TargetGroup, related_name="organisations", blank=True,
                                           verbose_name=_("Zielgruppen"))
    communities = models.ManyToManyField(Community, related_name="organisations", blank=True,
                                         verbose_name=_("Communities / Herkunftsregionen"))
    legal_form = models.CharField(_("Rechtsform"), max_length=80, blank=True)
    founded_year = models.PositiveSmallIntegerField(_("Gründungsjahr"), null=True, blank=True)
    network_member = models.BooleanField(_("Mitglied im Netzwerk MigrAktiv"), default=False)
    social_links = models.JSONField(_("Soziale Medien"), default=list, blank=True)
    # GDPR: contact data and the exact address are public only with consent. An individual actor
    # without address consent is shown at planning-area level only.
    consent_publish_contact = models.BooleanField(_("Einwilligung: Kontaktdaten veröffentlichen"), default=False)
    consent_publish_address = models.BooleanField(_("Einwilligung: genaue Adresse veröffentlichen"), default=False)
    editors = models.ManyToManyField(settings.AUTH_USER_MODEL, through="OrganisationEditor",
                                     related_name="edited_organisations", blank=True,
                                     verbose_name=_("Redakteur:innen"))

    class Meta(DirectoryEntry.Meta):
        app_label = "atlas"
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        indexes = [
            # Every spatial directory query looks up the published individuals shown only at
            # planning-area level (atlas.directory.queries); a partial index keeps that lookup tiny.
            models.Index(
                fields=["planning_area"],
                condition=models.Q(kind="individual", consent_publish_address=False, status="published"),
                name="organisation_hidden_location",
            ),
            # The public list is ordered by name: the first pages are read from this index instead
            # of sorting every published organisation.
            models.Index(fields=["name", "id"], condition=models.Q(status="published"),
                         name="organisation_published_name"),
        ]

    def get_absolute_url(self):
        return reverse("atlas:organisation-detail", kwargs={"slug": self.slug})

    @classmethod
    def hides_location(cls, kind, consent_publish_address):
        """The GDPR rule: an individual actor without consent to publish the address is shown only at
        planning-area level (as a query: atlas.directory.queries.HIDDEN_LOCATION)."""
        return kind == cls.Kind.INDIVIDUAL and not consent_publish_address

    @property
    def shows_exact_location(self):
        return not self.hides_location(self.kind, self.consent_publish_address)


class MeetingPlace(DirectoryEntry):
    place_type = models.ForeignKey(MeetingPlaceType, on_delete=models.PROTECT, related_name="meeting_places",
                                   verbose_name=_("Art"))
    operator = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="meeting_places", verbose_name=_("Betreiber (Organisation)"))
    operator_name = models.CharField(_("Betreiber"), max_length=200, blank=True)
    bookable = models.BooleanField(_("buchbar"), default=False)
    cost = models.CharField(_("Kosten"), max_length=200, blank=True)
    accessibility_note = models.CharField(_("Hinweise zur Barrierefreiheit"), max_length=300, blank=True)
    # The records of the official and OpenStreetMap facility layers this place stands for (seeded from
    # them: atlas/directory/seeding.py); one real place may appear in several layers, or several times in
    # one. None for places entered by people.
    facilities = models.ManyToManyField("geodata.Facility", through="MeetingPlaceFacility", blank=True,
                                        related_name="meeting_places", verbose_name=_("Einrichtungen der Quellen"))
    # The source of the record that gives the place its name and address (of its facilities, the main one).
    source = models.ForeignKey("geodata.DataSource", on_delete=models.PROTECT, null=True, blank=True,
                               verbose_name=_("Quelle"))

    class Meta(DirectoryEntry.Meta):
        app_label = "atlas"
        verbose_name = _("Treffpunkt")
        verbose_name_plural = _("Treffpunkte")

    def get_absolute_url(self):
        return reverse("atlas:meeting-place-detail", kwargs={"slug": self.slug})

    def source_records(self):
        """The facility records of the sources this place stands for, those of its own name and source first
        (``prefetch_related("facilities__source")`` avoids a query per place)."""
        return sorted(self.facilities.all(), key=lambda facility: (
            facility.name != self.name, facility.source_id != self.source_id, facility.source.title, facility.name))

    def all_sources(self):
        """Every data source of the place: its own and those of its facility records, each once."""
        sources = {self.source.pk: self.source} if self.source_id else {}
        for facility in self.source_records():
            sources.setdefault(facility.source_id, facility.source)
        return list(sources.values())


class MeetingPlaceFacility(models.Model):
    """A facility record a meeting place stands for. A record belongs to one place at most."""

    meeting_place = models.ForeignKey(MeetingPlace, on_delete=models.CASCADE, related_name="facility_links")
    facility = models.OneToOneField("geodata.Facility", on_delete=models.CASCADE, related_name="meeting_place_link")

    class Meta:
        app_label = "atlas"
        verbose_name = _("Einrichtung der Quelle")
        verbose_name_plural = _("Einrichtungen der Quellen")

    def __str__(self):
        return f"{self.meeting_place_id}: {self.facility_id}"


class Room(models.Model):
    meeting_place = models.ForeignKey(MeetingPlace, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("Raum"), max_length=120)
    capacity = models.PositiveIntegerField(_("Plätze"), null=True, blank=True)
    note = models.CharField(_("Hinweis"), max_length=200, blank=True)

    class Meta:
        app_label = "atlas"
        ordering = ["name"]
        verbose_name = _("Raum")
        verbose_name_plural = _("Räume")

    def __str__(self):
        return f"{self.meeting_place}: {self.name}"
