"""Events of the network: workshops, trainings, network meetings and other events, by topic.

Whether an event is past is derived from its end (``Event.objects.past()``/``upcoming()``), never
stored. An event takes place at a meeting place of the directory or at an address of its own.
"""

from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import Language, Located, MeetingPlace, Organisation, PublicationStatus, Vocabulary

# Path segments under /veranstaltungen/ that are not events.
RESERVED_EVENT_SLUGS = {"archiv", "kalender"}


class Topic(Vocabulary):
    """A topic of events and resources (Fördermittel, Vernetzung, Recht und Aufenthalt, …)."""

    class Meta(Vocabulary.Meta):
        app_label = "atlas"
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def upcoming(self, now=None):
        """Events that have not ended yet (running ones included), soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "title")

    def past(self, now=None):
        """Events that have ended, latest first: the archive."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "title")

    def overlapping(self, start, end):
        """Events taking place (at least partly) in [start, end)."""
        return self.filter(start__lt=end, end__gte=start)


class Event(Located):
    class Kind(models.TextChoices):
        EVENT = "event", _("Veranstaltung")
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Schulung")
        MEETING = "meeting", _("Netzwerktreffen")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname"), max_length=120, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.EVENT)
    topics = models.ManyToManyField(Topic, related_name="events", blank=True, verbose_name=_("Themen"))
    start = models.DateTimeField(_("Beginn"), db_index=True)
    end = models.DateTimeField(_("Ende"), db_index=True)
    meeting_place = models.ForeignKey(
        MeetingPlace, on_delete=models.SET_NULL, null=True, blank=True, related_name="events",
        verbose_name=_("Treffpunkt"),
        help_text=_("Entweder einen Treffpunkt aus dem Verzeichnis wählen oder eine eigene Adresse angeben."),
    )
    organiser = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="events",
        verbose_name=_("Veranstalter (Organisation)"),
    )
    organiser_name = models.CharField(_("Veranstalter"), max_length=200, blank=True)
    languages = models.ManyToManyField(Language, related_name="events", blank=True, verbose_name=_("Sprachen"))
    registration_url = models.URLField(_("Anmeldung (Link)"), max_length=400, blank=True)
    capacity = models.PositiveIntegerField(_("Plätze"), null=True, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT, db_index=True
    )
    # Sample entries exist only for demonstrations and are marked "Beispiel/Sample" wherever shown.
    is_sample = models.BooleanField(_("Beispieldatensatz"), default=False)
    created = models.DateTimeField(_("angelegt"), auto_now_add=True)
    updated = models.DateTimeField(_("geändert"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        app_label = "atlas"
        ordering = ["start", "title"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="event_end_not_before_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        if self.meeting_place_id and (self.street or self.postcode or self.location):
            errors["meeting_place"] = _(
                "Bitte entweder einen Treffpunkt wählen oder eine eigene Adresse angeben, nicht beides."
            )
        if self.slug in RESERVED_EVENT_SLUGS:
            errors["slug"] = _("Dieser Kurzname ist reserviert. Bitte einen anderen wählen.")
        if errors:
            raise ValidationError(errors)

    def derive_location_fields(self):
        super().derive_location_fields()
        # An event at a meeting place has the place's location; it lacks one only without either.
        if self.meeting_place_id:
            self.needs_location = False

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def point(self):
        """Where the event takes place on the map: its own point, else its meeting place's."""
        if self.location is not None:
            return self.location
        return self.meeting_place.location if self.meeting_place_id else None

    @property
    def place_name(self):
        return self.meeting_place.name if self.meeting_place_id else ""

    @property
    def place_address(self):
        return self.meeting_place.address_line if self.meeting_place_id else self.address_line

    @property
    def location_text(self):
        """Meeting place name and address in one line (the calendar's LOCATION)."""
        return ", ".join(part for part in (self.place_name, self.place_address) if part)

    @property
    def organiser_label(self):
        """The organiser to show: a published organisation of the directory, else the name given."""
        if self.organiser_id and self.organiser.status == PublicationStatus.PUBLISHED:
            return self.organiser.name
        return self.organiser_name
