"""Dates and times of events in words of the active language (German first):
"Samstag, 13. März 2027, 10:00–13:00 Uhr"."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _


def _day(value):
    return _("%(weekday)s, %(date)s") % {
        "weekday": formats.date_format(value, "l"), "date": formats.date_format(value, "DATE_FORMAT"),
    }


def _time(value):
    return formats.time_format(value, "TIME_FORMAT")


def event_when(event):
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    if start.date() == end.date():
        if start == end:
            return _("%(day)s, %(start)s Uhr") % {"day": _day(start), "start": _time(start)}
        return _("%(day)s, %(start)s–%(end)s Uhr") % {"day": _day(start), "start": _time(start), "end": _time(end)}
    return _("%(start_day)s, %(start)s Uhr bis %(end_day)s, %(end)s Uhr") % {
        "start_day": _day(start), "start": _time(start), "end_day": _day(end), "end": _time(end),
    }


def month_title(year, month):
    """"März 2027" in the active language."""
    return formats.date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
