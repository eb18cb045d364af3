"""The provider chain, built from settings at call time (so tests can override them).

settings.ATLAS_GEOCODERS lists provider names in order: "gazetteer" (offline), "nominatim",
"photon" and "selfhosted" (Nominatim- or Photon-compatible at GEOCODER_SELFHOSTED_URL). Online
provider instances are kept per configuration, so their rate limiter spans all calls of a process.
"""

import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from atlas.geocoding.gazetteer import GazetteerProvider
from atlas.geocoding.online import APIS, PUBLIC_NOMINATIM_HOST, PUBLIC_NOMINATIM_MIN_DELAY

DEFAULT_VIEWBOX = (13.10, 52.39, 13.30, 52.60)  # Berlin-Spandau, (min lon, min lat, max lon, max lat)

_lock = threading.Lock()
_instances = {}


def _setting(name, default):
    return getattr(settings, name, default)


def _online_config(name):
    if name == "nominatim":
        api, url = "nominatim", _setting("NOMINATIM_URL", "https://nominatim.openstreetmap.org")
        min_delay = float(_setting("NOMINATIM_MIN_DELAY", PUBLIC_NOMINATIM_MIN_DELAY))
    elif name == "photon":
        api, url = "photon", _setting("PHOTON_URL", "https://photon.komoot.io")
        min_delay = float(_setting("PHOTON_MIN_DELAY", 1.0))
    elif name == "selfhosted":
        api, url = _setting("GEOCODER_SELFHOSTED_API", "nominatim"), _setting("GEOCODER_SELFHOSTED_URL", "")
        min_delay = float(_setting("GEOCODER_SELFHOSTED_MIN_DELAY", 0.0))
        if not url:
            raise ImproperlyConfigured("ATLAS_GEOCODERS lists 'selfhosted' but GEOCODER_SELFHOSTED_URL is empty")
    else:
        raise ImproperlyConfigured(f"Unknown geocoder {name!r} in ATLAS_GEOCODERS "
                                   "(known: gazetteer, nominatim, photon, selfhosted)")
    if api not in APIS:
        raise ImproperlyConfigured(f"GEOCODER_SELFHOSTED_API must be one of {sorted(APIS)}, got {api!r}")
    if PUBLIC_NOMINATIM_HOST in url:
        # The public service's usage policy is not ours to relax.
        min_delay = max(min_delay, PUBLIC_NOMINATIM_MIN_DELAY)
    return (name, api, url, _setting("NOMINATIM_USER_AGENT", ""), float(_setting("GEOCODER_TIMEOUT", 5)),
            min_delay, tuple(_setting("GEOCODER_VIEWBOX", DEFAULT_VIEWBOX)))


def provider(name):
    if name == "gazetteer":
        return GazetteerProvider()
    config = _online_config(name)
    with _lock:
        if config not in _instances:
            name, api, url, user_agent, timeout, min_delay, viewbox = config
            _instances[config] = APIS[api](name, url, user_agent, timeout, min_delay, viewbox)
        return _instances[config]


def chain():
    names = _setting("ATLAS_GEOCODERS", ["gazetteer"])
    if isinstance(names, str):
        names = [names]
    return [provider(name) for name in names]


def reset():
    """Forget online provider instances (and their rate limiters); for tests."""
    with _lock:
        _instances.clear()
