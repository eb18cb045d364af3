"""The sources beside a map (geodata/credits.py, templates/shared/_map_sources.html): the street map
first, every attribution text once with the licences of its datasets, the same on the map page and the
planner; the map itself shows one short line linking /quellen/."""

import html
import re

import pytest

from geodata.credits import map_credits
from geodata.models import DataSource

pytestmark = pytest.mark.django_db


def test_one_item_per_attribution_the_street_map_first():
    credits = map_credits()
    attributions = [credit["attribution"] for credit in credits]
    assert len(attributions) == len(set(attributions))
    assert set(attributions) == set(DataSource.objects.values_list("attribution", flat=True))
    street = credits[0]
    # The street map and the OpenStreetMap points share their credit: named once, with the link.
    assert street["attribution"] == "© OpenStreetMap contributors"
    assert street["url"] == "https://www.openstreetmap.org/copyright"
    assert street["licences"] == [DataSource.objects.get(key="osm-poi-2025-09").licence]
    # The four population tables of one statistical report: one item.
    population = [credit for credit in credits if "A I 16" in credit["attribution"]]
    assert len(population) == 1 and len(population[0]["licences"]) == 1


def sources_panel(page):
    return re.search(r'<details class="map-sources" id="map-sources">.*?</details>', page, re.S).group(0)


@pytest.mark.parametrize("url", ["/", "/planung/"])
def test_the_side_panel_lists_each_source_once_escaped(client, url):
    DataSource.objects.filter(key="hilfmir-2023").update(attribution="<script>alert(1)</script> Technologiestiftung")
    panel = sources_panel(client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode())
    assert "<summary>Quellen</summary>" in panel
    assert panel.count("A I 16") == 1
    assert panel.count("© OpenStreetMap contributors") == 1
    assert panel.count("<li>" + html.escape("Geoportal Berlin / Monitoring Soziale Stadtentwicklung 2021")) == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Technologiestiftung" in panel and "<script>" not in panel
    assert '<a href="/quellen/">' in panel
