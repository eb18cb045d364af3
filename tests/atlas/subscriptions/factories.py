"""Factories of the subscription tests: the form's data and subscriptions in any state.

    subscription_data(ortsteil="0501")                     # the POST of the form
    make_subscription(ortsteil="0501", confirmed=True)     # a confirmed subscription of Spandau (Ortsteil)
    make_subscription(centre=RATHAUS_SPANDAU, radius_m=1000, language="ar")
"""

import itertools

from django.utils import timezone

from atlas.directory.models import Category, Language
from atlas.subscriptions.models import AreaSubscription
from geodata.models import Ortsteil
from tests.atlas.moderation.factories import started
from tests.factories import point

_counter = itertools.count(1)

# The Ortsteil "Spandau" (the old town with the Rathaus), and "Kladow" in the south-west.
SPANDAU = "0501"
KLADOW = "0506"


def subscription_data(**changes):
    data = {"email": "nachbarin@example.org", "area": "ortsteil", "ortsteil": SPANDAU, "address": "",
            "radius": "1000", "privacy": "on", "contact_url": "", "started": started()}
    data.update(changes)
    return data


def make_subscription(ortsteil=None, centre=None, radius_m=None, confirmed=True, categories=(), languages=(),
                      **kw):
    """A saved subscription; without an area, of the Ortsteil Spandau. ``confirmed=True`` confirms it
    now (its news counted from then)."""
    if ortsteil is None and centre is None:
        ortsteil = SPANDAU
    kw.setdefault("email", f"abo{next(_counter)}@example.org")
    kw.setdefault("language", "de")
    if confirmed is True:
        confirmed = timezone.now()
    subscription = AreaSubscription.objects.create(
        ortsteil=Ortsteil.objects.get(key=ortsteil) if ortsteil else None,
        centre=point(*centre) if centre else None, radius_m=radius_m if centre else None,
        confirmed=confirmed or None, news_since=confirmed or None, **kw)
    subscription.categories.set(Category.objects.filter(key__in=categories))
    subscription.languages.set(Language.objects.filter(code__in=languages))
    return subscription
