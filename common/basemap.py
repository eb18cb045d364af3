"""The base map every map of the site starts from: centre and zoom limits (settings.LEAFLET_CONFIG), the
street map's tiles (settings.ATLAS_TILES_*), the texts of the base layers and the link to the sources.
The scripts read it from the page's configuration (static/atlas/js/shared/base-map.js, street-base.js)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from common.tiles import tile_host


def map_controls():
    """The titles (tooltips and accessible names) of Leaflet's zoom buttons in the reader's language."""
    return {"zoomIn": _("Vergrößern"), "zoomOut": _("Verkleinern")}


def tile_source():
    """The street map: its tiles, the credit it asks for, and the host that receives the visitors'
    requests (None when the tiles come from this server, which then needs no consent)."""
    host = tile_host(settings.ATLAS_TILES_URL)
    return {
        "url": settings.ATLAS_TILES_URL,
        "maxZoom": settings.ATLAS_TILES_MAX_ZOOM,
        "attribution": settings.ATLAS_TILES_ATTRIBUTION,
        "attributionUrl": settings.ATLAS_TILES_ATTRIBUTION_URL,
        "host": host,
        "consent": settings.ATLAS_TILES_CONSENT and host is not None,
    }


def base_texts(tiles):
    """Names of the two base layers, the line shown when the street map cannot load, and the question
    asked before loading it where the deployment asks first."""
    return {
        "street": _("Straßenkarte"),
        "offline": _("Ortsteile (offline)"),
        "unavailable": _("Die Straßenkarte lädt nicht – gezeigt werden die Ortsteile (offline)."),
        "consentQuestion": _("Straßenkarte von %(provider)s laden?") % {"provider": tiles["host"]},
        "consentNote": _("Dabei erhält dieser Anbieter Ihre IP-Adresse und die Adresse dieser Website."),
        "consentButton": _("Straßenkarte laden"),
        # The site-wide pages linked from every page's footer.
        "privacy": {"page": reverse("privacy"), "label": _("Datenschutz")},
    }


def base_map():
    leaflet = settings.LEAFLET_CONFIG
    tiles = tile_source()
    return {
        "center": leaflet["DEFAULT_CENTER"],
        "zoom": leaflet["DEFAULT_ZOOM"],
        "minZoom": leaflet["MIN_ZOOM"],
        "maxZoom": leaflet["MAX_ZOOM"],
        "tiles": tiles,
        "base": base_texts(tiles),
        # The short attribution line links the sources page; its API credits the offline base.
        "sources": {"page": reverse("geodata:sources"), "label": _("Quellen"), "api": reverse("geodata:api:sources")},
        "controls": map_controls(),
    }
