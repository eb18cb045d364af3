"""Factories of events (and the topics and languages that resources share with them).

    make_event(title="Fördermittel-Workshop", start=in_days(3), topics=["fundraising"], languages=["tr"])

Defaults make a *published* event of two hours starting in three days at an address of its own with a
point near the Rathaus Spandau. Topics are keys (created if missing), languages codes. Slugs are unique
per call unless given.
"""

import datetime
import itertools

from django.utils import timezone

from atlas.directory.models import Language, PublicationStatus
from atlas.events.models import Event, Topic
from atlas.events.topics import ensure_topics
from tests.factories import RATHAUS_SPANDAU, point

_counter = itertools.count(1)


def in_days(days, hour=10, minute=0):
    """An aware datetime ``days`` from today at hour:minute Berlin time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone.get_default_timezone())


def berlin(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=timezone.get_default_timezone())


def topics(keys):
    """Topic objects for keys (or objects), the topics created if missing."""
    ensure_topics()
    return [key if isinstance(key, Topic) else Topic.objects.get(key=key) for key in keys]


def languages(codes):
    """Language objects for codes (or objects)."""
    return [code if isinstance(code, Language) else Language.objects.get(code=code) for code in codes]


def make_event(**kw):
    n = next(_counter)
    event_topics = topics(kw.pop("topics", []))
    event_languages = languages(kw.pop("languages", []))
    kw.setdefault("title", f"Testveranstaltung {n}")
    kw.setdefault("slug", f"testveranstaltung-{n}")
    kw.setdefault("status", PublicationStatus.PUBLISHED)
    kw.setdefault("start", in_days(3))
    kw.setdefault("end", kw["start"] + datetime.timedelta(hours=2))
    if "meeting_place" not in kw:
        kw.setdefault("street", "Carl-Schurz-Straße 2")
        kw.setdefault("postcode", "13597")
        location = kw.get("location", RATHAUS_SPANDAU)
        kw["location"] = point(*location) if isinstance(location, tuple) else location
    event = Event.objects.create(**kw)
    event.topics.set(event_topics)
    event.languages.set(event_languages)
    return event
