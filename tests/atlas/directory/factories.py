"""Factories of the directory's entries, used by the tests of every feature: plain functions, no factory_boy.

    make_organisation(name="Türkischer Elternverein", categories=["counselling"], languages=["tr", "de"])
    make_meeting_place(place_type="cafe", rooms=[("Saal", 40)], bookable=True)

Every keyword of the model may be given; defaults make a *published* entry with a point in
Spandau-Altstadt, so it is visible in the public API and pages. Points are WGS84 (lon, lat) tuples or
GEOS Points; ``location=None`` makes an entry without location. Vocabulary relations take keys
(Category/TargetGroup/Community/MeetingPlaceType) or language codes; they must exist (the session
fixture's ``ensure_vocabularies`` creates them). Slugs are unique per call unless given.
"""

import itertools
import random

from django.contrib.gis.geos import Point

from atlas.directory.models import (
    Category,
    Community,
    Language,
    MeetingPlace,
    MeetingPlaceType,
    Organisation,
    PublicationStatus,
    Room,
    TargetGroup,
)
from common.projection import to_metric
from tests.factories import RATHAUS_SPANDAU, point

_counter = itertools.count(1)

_M2M = {
    "categories": (Category, "key"),
    "languages": (Language, "code"),
    "target_groups": (TargetGroup, "key"),
    "communities": (Community, "key"),
}


def _location(value):
    if value is None or isinstance(value, Point):
        return value
    return point(*value)


def _vocabulary(model, field, values):
    objects = []
    for value in values:
        if isinstance(value, model):
            objects.append(value)
        else:
            objects.append(model.objects.get(**{field: value}))
    return objects


def _related(kw):
    """Pops the many-to-many keywords out of ``kw`` → {relation: [objects]}."""
    related = {}
    for relation, (model, field) in _M2M.items():
        if relation in kw:
            related[relation] = _vocabulary(model, field, kw.pop(relation) or [])
    return related


def make_organisation(**kw):
    """A saved, published Organisation. Extra keywords: categories, languages, target_groups,
    communities (lists of keys/codes or objects)."""
    n = next(_counter)
    related = _related(kw)
    kw.setdefault("name", f"Testverein {n}")
    kw.setdefault("slug", f"testverein-{n}")
    kw.setdefault("status", PublicationStatus.PUBLISHED)
    kw.setdefault("location_precision", "address")
    kw["location"] = _location(kw.get("location", RATHAUS_SPANDAU))
    organisation = Organisation.objects.create(**kw)
    for relation, objects in related.items():
        getattr(organisation, relation).set(objects)
    return organisation


def make_meeting_place(**kw):
    """A saved, published MeetingPlace. ``place_type`` may be a key (default "community-centre");
    ``rooms`` a list of (name, capacity) pairs."""
    n = next(_counter)
    rooms = kw.pop("rooms", [])
    place_type = kw.pop("place_type", "community-centre")
    if not isinstance(place_type, MeetingPlaceType):
        place_type = MeetingPlaceType.objects.get(key=place_type)
    kw.setdefault("name", f"Testtreffpunkt {n}")
    kw.setdefault("slug", f"testtreffpunkt-{n}")
    kw.setdefault("status", PublicationStatus.PUBLISHED)
    kw.setdefault("location_precision", "exact")
    kw["location"] = _location(kw.get("location", RATHAUS_SPANDAU))
    place = MeetingPlace.objects.create(place_type=place_type, **kw)
    for name, capacity in rooms:
        Room.objects.create(meeting_place=place, name=name, capacity=capacity)
    return place


def make_many_organisations(count, seed=11, drafts=0.1):
    """``count`` organisations "Massenverein NNNNN" at random points in Spandau with 1–2 categories,
    in bulk (save() and its signals would take minutes; no areas are assigned): the first ``drafts``
    share unpublished, the rest published and returned."""
    rng = random.Random(seed)
    categories = list(Category.objects.all())
    organisations = []
    for n in range(count):
        location = point(rng.uniform(13.13, 13.27), rng.uniform(52.46, 52.58))
        organisations.append(Organisation(
            name=f"Massenverein {n:05d}", slug=f"massenverein-{n}", is_sample=True, location=location,
            location_metric=to_metric(location), location_precision="address",
            status=PublicationStatus.DRAFT if n < count * drafts else PublicationStatus.PUBLISHED))
    created = Organisation.objects.bulk_create(organisations, batch_size=500)
    Organisation.categories.through.objects.bulk_create(
        [Organisation.categories.through(organisation_id=o.pk, category_id=c.pk)
         for o in created for c in rng.sample(categories, rng.randint(1, 2))], batch_size=500)
    return [o for o in created if o.status == PublicationStatus.PUBLISHED]
