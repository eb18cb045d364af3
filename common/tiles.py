"""The street map's tile source, read from its URL template ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
"https://{s}.tiles.example.org/{z}/{x}/{y}.png" or a path on this server, "/tiles/{z}/{x}/{y}.png").
Pure functions of the template: config/settings.py uses them for the Content-Security-Policy,
common/basemap.py to name the provider."""

from urllib.parse import urlsplit

PLACEHOLDERS = ("{z}", "{x}", "{y}")


def check_tile_url(url):
    """Raises ValueError unless url is a tile template Leaflet can use: https (or http), or a path on this server."""
    missing = [placeholder for placeholder in PLACEHOLDERS if placeholder not in url]
    if missing:
        raise ValueError(f"the tile URL {url!r} lacks {', '.join(missing)}")
    parts = urlsplit(url)
    external = parts.scheme in ("https", "http") and parts.netloc
    on_this_server = not parts.scheme and not parts.netloc and url.startswith("/")
    if not (external or on_this_server):
        raise ValueError(f"the tile URL {url!r} must start with https:// or / (a path on this server)")


def tile_host(url):
    """The host that receives the tile requests ("tile.openstreetmap.org"), or None when the tiles come from
    this server. A subdomain placeholder ({s}) is left out: the provider is named by its common domain."""
    host = urlsplit(url).hostname
    if not host:
        return None
    labels = host.split(".")
    while labels and "{" in labels[0]:
        labels.pop(0)
    return ".".join(labels) or None


def tile_origin(url):
    """The source expression of the tile host for the Content-Security-Policy's img-src
    ("https://tile.openstreetmap.org", "https://*.tiles.example.org"), or None for tiles from this server."""
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    host = parts.hostname
    port = f":{parts.port}" if parts.port else ""
    labels = host.split(".")
    if any("{" in label for label in labels):
        # A placeholder may be part of a label ("tiles-{s}"); CSP allows a wildcard only as the whole
        # leftmost label, so everything up to the last label with a placeholder becomes "*".
        last = max(index for index, label in enumerate(labels) if "{" in label)
        labels = ["*", *labels[last + 1:]]
    return f"{parts.scheme}://{'.'.join(labels)}{port}"
