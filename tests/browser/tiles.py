"""Street-map tiles for the browser tests, served from here by route interception: the tests stay offline
and still see a street map drawn. The tile is a PNG made in code (a light ground crossed by two white
streets), so nothing binary is committed."""

import re
import struct
import zlib
from functools import lru_cache

from django.conf import settings

TILE_SIZE = 256
GROUND = (242, 239, 233)  # the colour of land on OpenStreetMap's standard map
STREET = (255, 255, 255)
CASING = (200, 190, 180)


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def _pixel(x, y):
    for centre in (96, 200):
        distance = min(abs(x - centre), abs(y - centre))
        if distance <= 5:
            return STREET
        if distance <= 7:
            return CASING
    return GROUND


@lru_cache(maxsize=1)
def tile_png():
    """A 256 × 256 RGB PNG."""
    rows = b"".join(b"\x00" + b"".join(bytes(_pixel(x, y)) for x in range(TILE_SIZE)) for y in range(TILE_SIZE))
    header = struct.pack(">IIBBBBB", TILE_SIZE, TILE_SIZE, 8, 2, 0, 0, 0)
    chunks = _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def tile_pattern(url=None):
    """A regular expression matching the requests for tiles of the configured tile source (settings.ATLAS_TILES_URL)."""
    template = url or settings.ATLAS_TILES_URL
    pattern = re.escape(template)
    for placeholder in ("s", "z", "x", "y", "r"):
        pattern = pattern.replace(re.escape("{" + placeholder + "}"), "[^/?#]*")
    if template.startswith("/"):  # tiles from this server
        pattern = "https?://[^/]+" + pattern
    return re.compile(f"^{pattern}$")


def serve_tiles(route):
    route.fulfill(status=200, content_type="image/png", body=tile_png(), headers={"Cache-Control": "no-store"})
