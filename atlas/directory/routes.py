"""Walking directions to a directory entry in an external router (settings.ATLAS_ROUTE_URL).

The same rule as static/atlas/js/directory/result-summary.js (``routeUrl``), which builds the links of
the map's list and popups in the browser:

* no link for an entry whose address is not public (shown at planning-area level only): its public
  point is the planning area's, and the way there would say where the person lives;
* ``{to}`` is the entry's point as "lat,lon", but empty when the point is only approximate (geocoded
  to the street, planning area or Ortsteil): then the router finds the address (``{to_address}``)
  itself, and without an address or a ``{to_address}`` in the template there is no link rather than
  one to the wrong place;
* ``{to_address}`` is the address, or the point as "lat,lon" when there is no address;
* ``{from}`` is the search point of "near me" / "near an address", or empty (the router asks).
"""

from urllib.parse import quote

from django.conf import settings

from atlas.geocoding.result import LocationPrecision

# Points that stand for more than the address: a route to them would end in the wrong place.
APPROXIMATE_PRECISIONS = frozenset({LocationPrecision.STREET, LocationPrecision.PLANNING_AREA,
                                    LocationPrecision.ORTSTEIL})
COORDINATE_DECIMALS = 5  # about a metre


def lat_lon(point):
    """'52.52237,13.16591' for a WGS84 Point, '' for None."""
    if point is None:
        return ""
    return f"{point.y:.{COORDINATE_DECIMALS}f},{point.x:.{COORDINATE_DECIMALS}f}"


def route_url(point, precision, address, origin=None, template=None):
    """The router's address for walking from ``origin`` (a WGS84 Point or None) to an entry at
    ``point`` (its public WGS84 Point or None) with ``address`` (its public address text, '' when
    not public or unknown); None when there is nowhere to go."""
    template = template or settings.ATLAS_ROUTE_URL
    takes_address = "{to_address}" in template
    to = "" if precision in APPROXIMATE_PRECISIONS else lat_lon(point)
    if not to and not (address and takes_address):
        return None
    return (template.replace("{from}", lat_lon(origin)).replace("{to}", to)
            .replace("{to_address}", quote(address or to, safe=",")))
