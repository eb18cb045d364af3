"""Which events to show: publication, filters from the query string, the feed window and months.

Filters are shared by the pages, the calendar feed and the API (common.api.params reads them):
  topic        one or several comma-separated topic keys; any of them matches
  language     one or several language codes; any of them matches
  organisation the slug of a published organisation (the organiser; pages and feed only)
Different filters combine with AND. A bad value is an error: the pages name it and leave that filter
out, the feed and the API answer 400.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from atlas.directory.filters import FILTERS
from atlas.directory.models import Organisation
from atlas.events.models import Event, Topic
from common.api.params import Parameters, existing, vocabulary
from common.queries import linked_to

# The calendar feed holds upcoming events and those that ended at most this many days ago.
FEED_PAST_DAYS = 30
PAGE_SIZE = 20


@dataclass
class EventFilters:
    topics: list = field(default_factory=list)  # keys
    languages: list = field(default_factory=list)  # codes
    organisation: str = ""  # slug
    errors: dict = field(default_factory=dict)  # parameter name: message

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


TOPIC = vocabulary(Topic)
LANGUAGE = FILTERS["language"]
FILTER_PARAMETERS = Parameters({
    "topic": TOPIC, "language": LANGUAGE,
    "organisation": existing(lambda slug: Organisation.objects.published().filter(slug=slug).exists()),
})


def parse_filters(params):
    """topic, language and organisation from a QueryDict; a bad value is left out, its message in ``errors``."""
    values, errors = FILTER_PARAMETERS.parse_leniently(params)
    return EventFilters(topics=values["topic"] or [], languages=values["language"] or [],
                        organisation=values["organisation"] or "", errors=errors)


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
