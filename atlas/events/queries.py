"""Which events to show: publication, filters from the query string, the feed window and months.

Filters are shared by the pages, the calendar feed and the API:
  topic        one or several topic keys (comma-separated or repeated); any of them matches
  language     one or several language codes; any of them matches
  organisation the slug of a published organisation (the organiser)
Different filters combine with AND. Unknown values are errors; the pages show them and ignore the
filter, the feed and the API answer 400.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from atlas.directory.models import Language, Organisation
from atlas.events.models import Event, Topic
from common.queries import linked_to

# The calendar feed holds upcoming events and those that ended at most this many days ago.
FEED_PAST_DAYS = 30
PAGE_SIZE = 20


@dataclass
class EventFilters:
    topics: list = field(default_factory=list)  # keys
    languages: list = field(default_factory=list)  # codes
    organisation: str = ""  # slug
    errors: list = field(default_factory=list)

    @property
    def active(self):
        return bool(self.topics or self.languages or self.organisation)

    def as_query(self):
        """The filters as query-string pairs, for links that keep them."""
        pairs = []
        if self.topics:
            pairs.append(("topic", ",".join(self.topics)))
        if self.languages:
            pairs.append(("language", ",".join(self.languages)))
        if self.organisation:
            pairs.append(("organisation", self.organisation))
        return pairs


def query_values(params, name):
    """All values of a parameter, repeated or comma-separated, without blanks and duplicates."""
    values = []
    for raw in params.getlist(name) if hasattr(params, "getlist") else [params.get(name, "")]:
        values.extend(part.strip() for part in (raw or "").split(",") if part.strip())
    return list(dict.fromkeys(values))


def parse_filters(params):
    """Reads topic, language and organisation from a QueryDict; unknown values land in ``errors``
    and are left out of the filters."""
    filters = EventFilters()
    topics = query_values(params, "topic")
    if topics:
        valid = set(Topic.objects.filter(key__in=topics).values_list("key", flat=True))
        filters.topics = [key for key in topics if key in valid]
        unknown = [key for key in topics if key not in valid]
        if unknown:
            filters.errors.append(_("Unbekanntes Thema: %(values)s.") % {"values": ", ".join(unknown)})
    languages = query_values(params, "language")
    if languages:
        valid = set(Language.objects.filter(code__in=languages).values_list("code", flat=True))
        filters.languages = [code for code in languages if code in valid]
        unknown = [code for code in languages if code not in valid]
        if unknown:
            filters.errors.append(_("Unbekannte Sprache: %(values)s.") % {"values": ", ".join(unknown)})
    organisation = (params.get("organisation") or "").strip()
    if organisation:
        if Organisation.objects.published().filter(slug=organisation).exists():
            filters.organisation = organisation
        else:
            filters.errors.append(_("Unbekannte Organisation: %(value)s.") % {"value": organisation})
    return filters


def apply_filters(events, filters):
    """Subqueries rather than joins, so an event with two matching topics is listed once."""
    if filters.topics:
        events = events.filter(linked_to(Event, "topics", filters.topics, "key"))
    if filters.languages:
        events = events.filter(linked_to(Event, "languages", filters.languages, "code"))
    if filters.organisation:
        events = events.filter(organiser__slug=filters.organisation)
    return events


def public_events():
    """Published events with what the pages and the feed show of them."""
    return (Event.objects.published()
            .select_related("meeting_place", "organiser")
            .prefetch_related("topics", "languages"))


def feed_events(filters, now=None):
    """The calendar feed: published events not ended more than FEED_PAST_DAYS ago, soonest first."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=FEED_PAST_DAYS)
    return apply_filters(public_events(), filters).filter(end__gte=since).order_by("start", "title")


# --- months ------------------------------------------------------------------------------------------

def month_bounds(year, month):
    """[first instant, first instant of the next month) in the site's time zone."""
    tz = timezone.get_default_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return start, datetime.datetime(next_year, next_month, 1, tzinfo=tz)


def shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def local_days(event):
    """First and last local calendar day of an event (an end at midnight belongs to the day before)."""
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    last = end.date()
    if end > start and end.time() == datetime.time(0, 0):
        last -= datetime.timedelta(days=1)
    return start.date(), max(last, start.date())


def month_weeks(year, month, events, today=None):
    """The calendar grid: weeks (Monday first) of days, each with its events in the month.

    Days of the neighbouring months fill the first and last week and carry no events."""
    today = today or timezone.localdate()
    spans = [(event, *local_days(event)) for event in events]
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = []
        for day in week:
            in_month = day.month == month
            days.append({
                "date": day,
                "in_month": in_month,
                "is_today": day == today,
                "events": [event for event, first, last in spans if in_month and first <= day <= last],
            })
        weeks.append(days)
    return weeks
