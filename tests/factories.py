"""Factories and helpers shared by all test folders: users in the roles of the network, points, and
distances computed independently of PROJ/GEOS and of both databases.

    coordinator = make_user("koordination", role=COORDINATORS)
    editor = make_user("redaktion", organisations=[organisation])
    place = point(*offset(RATHAUS_SPANDAU, 300, 0))

The factories of one feature live beside its tests (tests/atlas/directory/factories.py,
tests/atlas/events/factories.py, ...).
"""

import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point

from atlas.roles.models import OrganisationEditor
from atlas.roles.permissions import grant_role

PASSWORD = "ein-langes-Test-Passwort-2024"

# Rathaus Spandau (Carl-Schurz-Straße 2–6), in the Ortsteil Spandau (0501), WGS84 (lon, lat).
RATHAUS_SPANDAU = (13.2005, 52.5357)
# Two more places in Spandau, far from it: Kladow in the south-west, Siemensstadt in the east.
KLADOW = (13.1460, 52.4530)
SIEMENSSTADT = (13.2600, 52.5380)

EARTH_RADIUS_M = 6_371_008.8


def make_user(username, role=None, organisations=(), email=None, password=PASSWORD, **kw):
    """A user with an address, in ``role`` (COORDINATORS, PLANNERS: the role group, which also makes them
    staff) and editor of ``organisations``; other keywords go to ``create_user``."""
    user = get_user_model().objects.create_user(
        username=username, email=email if email is not None else f"{username}@example.org", password=password, **kw)
    if role:
        grant_role(user, role)
    for organisation in organisations:
        OrganisationEditor.objects.create(organisation=organisation, user=user)
    return user


def point(lon, lat):
    """A WGS84 point with the storage SRID."""
    return Point(lon, lat, srid=settings.STORAGE_SRID)


def haversine(a, b):
    """Great-circle distance in metres between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def offset(origin, east_m, north_m):
    """A (lon, lat) point about east_m/north_m metres from origin (small offsets)."""
    lon, lat = origin
    return (lon + east_m / (111_320 * math.cos(math.radians(lat))), lat + north_m / 110_574)
