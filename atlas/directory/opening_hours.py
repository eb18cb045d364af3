"""Opening hours of directory entries: {"mo": [["09:00", "17:00"]], …}; a missing day means closed.

`is_open_now` is computed in Europe/Berlin (settings.TIME_ZONE); static/atlas/js/directory/opening-hours.js
does the same in the browser so that a cached page stays right.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DAYS = [
    ("mo", _("Montag"), "Monday"),
    ("tu", _("Dienstag"), "Tuesday"),
    ("we", _("Mittwoch"), "Wednesday"),
    ("th", _("Donnerstag"), "Thursday"),
    ("fr", _("Freitag"), "Friday"),
    ("sa", _("Samstag"), "Saturday"),
    ("su", _("Sonntag"), "Sunday"),
]
DAY_KEYS = [key for key, _label, _schema in DAYS]


def _parse(value):
    try:
        hours, minutes = (int(part) for part in str(value).split(":", 1))
    except (TypeError, ValueError):
        return None
    if hours == 24 and minutes == 0:
        return 24 * 60
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        return None
    return hours * 60 + minutes


def intervals(hours, day_key):
    """Valid (start, end) minute pairs of one day; an end before the start runs past midnight."""
    result = []
    for pair in (hours or {}).get(day_key) or []:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            continue
        start, end = _parse(pair[0]), _parse(pair[1])
        if start is not None and end is not None and start != end:
            result.append((start, end, str(pair[0]), str(pair[1])))
    return result


def has_hours(hours):
    return any(intervals(hours, key) for key in DAY_KEYS)


def is_open_at(hours, moment):
    """True when `moment` (an aware or Berlin-local datetime) falls into an opening interval."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    minute = moment.hour * 60 + moment.minute
    today = DAY_KEYS[moment.weekday()]
    yesterday = DAY_KEYS[(moment.weekday() - 1) % 7]
    for start, end, *_rest in intervals(hours, today):
        if start < end and start <= minute < end:
            return True
        if end < start and minute >= start:
            return True
    return any(end < start and minute < end for start, end, *_rest in intervals(hours, yesterday))


def is_open_now(hours):
    return is_open_at(hours, timezone.now())


def today_times(hours, moment=None):
    """The opening times of the day of ``moment`` (default now) in Berlin: ["09:00–13:00", …]."""
    moment = timezone.localtime(moment or timezone.now())
    return [f"{a}–{b}" for _s, _e, a, b in intervals(hours, DAY_KEYS[moment.weekday()])]


def weekly_rows(hours, today=None):
    """Rows for the opening-hours table: day label, "09:00–17:00" texts, and whether it is today."""
    if today is None:
        today = timezone.localtime().weekday()
    return [
        {"key": key, "label": label, "times": [f"{a}–{b}" for _s, _e, a, b in intervals(hours, key)],
         "today": index == today}
        for index, (key, label, _schema) in enumerate(DAYS)
    ]


def schema_org_specification(hours):
    """schema.org openingHoursSpecification entries."""
    return [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{schema}", "opens": a, "closes": b}
        for key, _label, schema in DAYS for _s, _e, a, b in intervals(hours, key)
    ]


def berlin_now():
    return timezone.localtime(timezone.now())


def at_berlin(year, month, day, hour, minute):
    """A Berlin-local aware datetime (for tests)."""
    return timezone.make_aware(datetime(year, month, day, hour, minute))
