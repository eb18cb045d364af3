"""The provider chain, built from settings at call time (so tests can override them); the values and
their environment variables are defined once, in config/settings.py; the viewbox is the map's extent.

settings.ATLAS_GEOCODERS lists provider names in order: "gazetteer" (offline), "nominatim",
"photon" and "selfhosted" (Nominatim- or Photon-compatible at GEOCODER_SELFHOSTED_URL). Online
provider instances are kept per configuration, so their rate limiter spans all calls of a process.
"""

import threading

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from atlas.geocoding.gazetteer import GazetteerProvider
from atlas.geocoding.online import APIS, PUBLIC_NOMINATIM_HOST, PUBLIC_NOMINATIM_MIN_DELAY

_lock = threading.Lock()
_instances = {}


def _online_config(name):
    if name == "nominatim":
        api, url = "nominatim", settings.NOMINATIM_URL
        min_delay = float(settings.NOMINATIM_MIN_DELAY)
    elif name == "photon":
        api, url = "photon", settings.PHOTON_URL
        min_delay = float(settings.PHOTON_MIN_DELAY)
    elif name == "selfhosted":
        api, url = settings.GEOCODER_SELFHOSTED_API, settings.GEOCODER_SELFHOSTED_URL
        min_delay = float(settings.GEOCODER_SELFHOSTED_MIN_DELAY)
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
    return (name, api, url, settings.NOMINATIM_USER_AGENT, float(settings.GEOCODER_TIMEOUT),
            min_delay, tuple(settings.LEAFLET_CONFIG["SPATIAL_EXTENT"]))


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
    names = settings.ATLAS_GEOCODERS
    if isinstance(names, str):
        names = [names]
    return [provider(name) for name in names]


def reset():
    """Forget online provider instances (and their rate limiters); for tests."""
    with _lock:
        _instances.clear()
