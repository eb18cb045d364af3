"""Online providers through geopy: Nominatim and Photon, public or self-hosted.

Every request goes through geopy's RateLimiter (one per provider instance, shared by all calls of
this process) and the Berlin-Spandau bounding box. The planning area and Ortsteil of an answer are
computed by point-in-polygon against the imported areas; answers outside Spandau are rejected.
Outages (timeout, connection error, HTTP 429/5xx, unparsable answers) become an "unavailable" result.
"""

import logging
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from geopy.adapters import URLLibAdapter
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, Photon
from geopy.point import Point as GeopyPoint

from atlas.geocoding.areas import area_index
from atlas.geocoding.result import GeocodeResult, LocationPrecision

logger = logging.getLogger(__name__)

PUBLIC_NOMINATIM_HOST = "nominatim.openstreetmap.org"
# Nominatim's usage policy: at most one request per second.
PUBLIC_NOMINATIM_MIN_DELAY = 1.0
AREA_TYPES = {"suburb", "quarter", "city_district", "borough", "neighbourhood", "district", "locality"}


def split_url(url):
    """("https", "geo.example.org/nominatim") – the scheme and domain (with path) geopy expects."""
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(f"Geocoder URL must be http(s)://host[/path], got {url!r}")
    return parts.scheme, (parts.netloc + parts.path).rstrip("/")


class OnlineProvider:
    """Base: subclasses set `api` ("nominatim"/"photon") and implement `_geocoder`, `_call`, `_read`."""

    cacheable = True
    api = ""

    def __init__(self, name, url, user_agent, timeout, min_delay, viewbox):
        self.name = name
        self.scheme, self.domain = split_url(url)
        if not user_agent:
            raise ImproperlyConfigured(f"Geocoder {name!r} needs a User-Agent (setting NOMINATIM_USER_AGENT)")
        self.viewbox = viewbox  # (min lon, min lat, max lon, max lat)
        self.geocoder = self._geocoder(user_agent, timeout)
        self.limited = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay, max_retries=0,
                                   swallow_exceptions=False)

    def _corners(self):
        west, south, east, north = self.viewbox
        return [GeopyPoint(south, west), GeopyPoint(north, east)]

    def geocode(self, query):
        try:
            location = self._call(query.search_text)
        except GeopyError as error:
            logger.warning("Geocoder %s unavailable: %s", self.name, error)
            return GeocodeResult.unavailable_result(self.name)
        if location is None:
            return GeocodeResult.not_found(self.name)
        planning_area, ortsteil = area_index().locate(location.longitude, location.latitude)
        if planning_area is None:
            logger.info("Geocoder %s answered outside Spandau for %r", self.name, query.text)
            return GeocodeResult.not_found(self.name)
        precision, label = self._read(location.raw)
        return GeocodeResult(
            lon=round(location.longitude, 6), lat=round(location.latitude, 6), precision=precision,
            label=label or location.address or query.name, provider=self.name,
            planning_area_key=planning_area.key, planning_area_name=planning_area.name,
            ortsteil_key=ortsteil.key if ortsteil else "", ortsteil_name=ortsteil.name if ortsteil else "",
        )


def _label(name, street, number, postcode):
    line = " ".join(part for part in (street, number) if part)
    place = f"{postcode} Berlin" if postcode else "Berlin"
    parts = [part for part in (name if name != line else "", line, place) if part]
    return ", ".join(parts)


class NominatimProvider(OnlineProvider):
    api = "nominatim"

    def _geocoder(self, user_agent, timeout):
        return Nominatim(user_agent=user_agent, domain=self.domain, scheme=self.scheme, timeout=timeout,
                         adapter_factory=URLLibAdapter)

    def _call(self, text):
        return self.limited(text, exactly_one=True, addressdetails=True, country_codes="de", language="de",
                            viewbox=self._corners(), bounded=True)

    def _read(self, raw):
        address = raw.get("address") or {}
        kind = raw.get("addresstype") or raw.get("type") or ""
        name = raw.get("name") or ""
        if name and raw.get("class") not in ("highway", "place", "boundary", "building"):
            precision = LocationPrecision.EXACT
        elif address.get("house_number"):
            precision = LocationPrecision.ADDRESS
        elif raw.get("class") == "highway" or kind == "road":
            precision = LocationPrecision.STREET
        else:
            precision = LocationPrecision.ORTSTEIL if kind in AREA_TYPES else LocationPrecision.PLANNING_AREA
        return precision, _label(name, address.get("road", ""), address.get("house_number", ""),
                                 address.get("postcode", ""))


class PhotonProvider(OnlineProvider):
    api = "photon"

    def _geocoder(self, user_agent, timeout):
        return Photon(domain=self.domain, scheme=self.scheme, timeout=timeout, user_agent=user_agent,
                      adapter_factory=URLLibAdapter)

    def _call(self, text):
        west, south, east, north = self.viewbox
        return self.limited(text, exactly_one=True, language="de", bbox=self._corners(),
                            location_bias=GeopyPoint((south + north) / 2, (west + east) / 2))

    def _read(self, raw):
        props = raw.get("properties") or {}
        name, osm_key = props.get("name") or "", props.get("osm_key") or ""
        if name and osm_key not in ("place", "highway", "building", "boundary"):
            precision = LocationPrecision.EXACT
        elif props.get("housenumber"):
            precision = LocationPrecision.ADDRESS
        elif props.get("type") == "street" or osm_key == "highway":
            precision = LocationPrecision.STREET
        else:
            area_type = props.get("type") in AREA_TYPES
            precision = LocationPrecision.ORTSTEIL if area_type else LocationPrecision.PLANNING_AREA
        street = props.get("street") or (name if osm_key == "highway" else "")
        return precision, _label(name, street, props.get("housenumber", ""), props.get("postcode", ""))


APIS = {"nominatim": NominatimProvider, "photon": PhotonProvider}
