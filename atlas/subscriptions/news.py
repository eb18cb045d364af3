"""What is new in a subscription's area: published organisations, meeting places and upcoming events
that appeared since its last digest, with the public's view of them.

``record_appearances(now)`` notes every published entry not seen before (models.Appearance): at the
very first run with the entry's creation time (so the entries that existed before subscriptions did
are never news), afterwards with ``now``. ``news_for(subscription, until)`` then selects among the
entries that appeared in (``news_since``, ``until``] those in the area — through the directory's own
queries, so an individual actor without address consent counts at the public point of its planning
area, exactly as on the map — and, for organisations and events, of the chosen fields of activity and
languages. Meeting places have neither and always come along.
"""

from dataclasses import dataclass, field

from django.contrib.gis.measure import D
from django.db.models import Q

from atlas.directory.filters import DirectoryFilters
from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.queries import filter_entries
from atlas.events.models import Event
from atlas.events.queries import EventFilters, apply_filters, public_events
from atlas.subscriptions.models import Appearance
from common.projection import to_metric

# At most this many entries of each kind in one digest; the mail says how many more there are.
MAX_PER_KIND = 20

KINDS = (("organisation", Organisation), ("meeting_place", MeetingPlace), ("event", Event))


def record_appearances(now):
    """Records the published entries not seen before; returns how many."""
    first_run = not Appearance.objects.exists()
    count = 0
    for name, model in KINDS:
        seen_ids = Appearance.objects.filter(**{f"{name}__isnull": False}).values(f"{name}_id")
        rows = model.objects.published().exclude(pk__in=seen_ids).values_list("pk", "created")
        appearances = [Appearance(**{f"{name}_id": pk}, seen=min(created, now) if first_run else now)
                       for pk, created in rows]
        # A parallel run may record the same entries: the one-to-one field keeps one row each.
        Appearance.objects.bulk_create(appearances, ignore_conflicts=True, batch_size=500)
        count += len(appearances)
    return count


@dataclass
class Part:
    """The new entries of one kind: up to MAX_PER_KIND of them, and how many there are in all."""

    entries: list = field(default_factory=list)
    total: int = 0

    @property
    def more(self):
        return self.total - len(self.entries)


@dataclass
class News:
    organisations: Part
    meeting_places: Part
    events: Part

    def __bool__(self):
        return bool(self.organisations.total or self.meeting_places.total or self.events.total)

    @property
    def total(self):
        return self.organisations.total + self.meeting_places.total + self.events.total


def _appeared(name, since, until):
    return sorted(Appearance.objects.filter(**{f"{name}__isnull": False}, seen__gt=since, seen__lte=until)
                  .values_list(f"{name}_id", flat=True))


def _directory_part(model, subscription, ids, categories, languages):
    if not ids:
        return Part()
    filters = DirectoryFilters(page_size=MAX_PER_KIND)
    if subscription.ortsteil_id:
        filters.ortsteile = [subscription.ortsteil.key]
    else:
        filters.near, filters.radius = subscription.centre, subscription.radius_m
    if model is Organisation:
        filters.categories = categories or None
        filters.languages = languages or None
    selection = filter_entries(model.objects.filter(pk__in=ids), filters)
    return Part(entries=selection.entries(offset=0, limit=MAX_PER_KIND), total=selection.count())


def _in_area(subscription):
    """Events in the area: at their own address, else at their meeting place's."""
    if subscription.ortsteil_id:
        return Q(ortsteil_id=subscription.ortsteil_id) | Q(location__isnull=True,
                                                           meeting_place__ortsteil_id=subscription.ortsteil_id)
    centre, radius = to_metric(subscription.centre), D(m=subscription.radius_m)
    return (Q(location_metric__dwithin=(centre, radius))
            | Q(location__isnull=True, meeting_place__location_metric__dwithin=(centre, radius)))


def _events_part(subscription, ids, languages, now):
    if not ids:
        return Part()
    events = apply_filters(public_events().filter(pk__in=ids), EventFilters(languages=languages))
    events = events.filter(_in_area(subscription)).upcoming(now)
    return Part(entries=list(events[:MAX_PER_KIND]), total=events.count())


def news_for(subscription, until):
    """The News of a confirmed subscription: what appeared in its area after ``news_since`` and up to
    ``until`` (upcoming events only)."""
    since = subscription.news_since or subscription.confirmed
    categories = [category.key for category in subscription.categories.all()]
    languages = [language.code for language in subscription.languages.all()]
    return News(
        organisations=_directory_part(Organisation, subscription, _appeared("organisation", since, until),
                                      categories, languages),
        meeting_places=_directory_part(MeetingPlace, subscription, _appeared("meeting_place", since, until),
                                       categories, languages),
        events=_events_part(subscription, _appeared("event", since, until), languages, until),
    )
