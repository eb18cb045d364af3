"""The sources of a map as its side panel lists them: the street map first, then one item per attribution
text (the four population tables of one statistical report, or the street map and the OpenStreetMap
points, are named once), each with the licences of its datasets. The map itself shows one short line
(static/atlas/js/shared/attribution.js); /quellen/ lists every dataset."""

from common.basemap import tile_source
from geodata.models import DataSource


def map_credits(sources=None):
    """[{attribution, url, licences}] for the street map and the sources (default: all of them)."""
    tiles = tile_source()
    credits = {}

    def credit(attribution, url="", licence=""):
        item = credits.setdefault(attribution, {"attribution": attribution, "url": url, "licences": []})
        item["url"] = item["url"] or url
        if licence and licence not in item["licences"]:
            item["licences"].append(licence)

    credit(tiles["attribution"], tiles["attributionUrl"])
    for source in DataSource.objects.all() if sources is None else sources:
        credit(source.attribution, licence=source.licence)
    return list(credits.values())
