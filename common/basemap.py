"""The base map every map of the site starts from: centre, zoom limits and tiles (settings.LEAFLET_CONFIG).
The scripts read it from the page's configuration (static/atlas/js/shared/)."""

from django.conf import settings
from django.utils.translation import gettext as _


def map_controls():
    """The titles (tooltips and accessible names) of Leaflet's zoom buttons in the reader's language."""
    return {"zoomIn": _("Vergrößern"), "zoomOut": _("Verkleinern")}


def base_map():
    leaflet = settings.LEAFLET_CONFIG
    tile_name, tile_url, tile_options = leaflet["TILES"][0]
    return {
        "center": leaflet["DEFAULT_CENTER"],
        "zoom": leaflet["DEFAULT_ZOOM"],
        "minZoom": leaflet["MIN_ZOOM"],
        "maxZoom": leaflet["MAX_ZOOM"],
        "tiles": {"name": tile_name, "url": tile_url, "options": tile_options},
        "controls": map_controls(),
    }
