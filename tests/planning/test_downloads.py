"""The ranking as a spreadsheet for German Excel (?format=excel), read back the way German Excel reads
it: `;` between columns, decimal commas, UTF-8 with BOM; the machine-readable CSV stays as it was."""

import csv
import io

import pandas as pd
import pytest

pytestmark = pytest.mark.django_db

HEADERS = ["Rang", "Planungsraum", "Ortsteil", "Einwohner:innen", "Bedarf (gewichtete Personen)",
           "Erreichbarkeit A (Angebote je 1.000 Personen mit Bedarf)", "Erreichbarkeit (Bezirk = 100)", "Lückenwert",
           "Klasse (5 = größte Lücke)", "Rasterpunkte", "Planungsraum-Schlüssel",
           "ÖPNV-Anbindung in % (gewichtet nach Fahrtenangebot)",
           "Haltestelle in Reichweite: Anteil der Einwohner:innen in %",
           "Nächste S-, U- oder Regionalbahn in m (Median, Luftlinie)"]


def excel(client, query=""):
    # Whatever the reader's language: German headers.
    response = client.get(f"/api/coverage/?format=excel{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    return response


def read_back(content, **options):
    """As German Excel reads it: `;`, decimal comma, UTF-8 with BOM."""
    return pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig", **options)


def features(client, query=""):
    return {f["properties"]["key"]: f["properties"] for f in client.get(f"/api/coverage/?{query}").json()["features"]}


def test_planning_areas_for_german_excel(client):
    response = excel(client)
    assert response["Content-Disposition"] == \
        'attachment; filename="versorgungsluecken-spandau-planungsraeume-excel.csv"'
    table = read_back(response.content, dtype={"Planungsraum-Schlüssel": str})
    assert list(table.columns) == HEADERS
    assert len(table) == 45 and list(table["Rang"]) == list(range(1, 46))
    # Numbers come back as numbers: integers stay integers, decimals are floats (no text, no 17 digits).
    for column in ("Rang", "Einwohner:innen", "Bedarf (gewichtete Personen)", "Erreichbarkeit (Bezirk = 100)",
                   "Klasse (5 = größte Lücke)", "Rasterpunkte"):
        assert pd.api.types.is_integer_dtype(table[column]), column
    assert pd.api.types.is_float_dtype(table["Lückenwert"])
    json = features(client)
    access = {area["properties"]["key"]: area["properties"]
              for area in client.get("/api/transit-access/").json()["features"]}
    for row in table.itertuples(index=False):
        source = json[row[10]]
        assert row[0] == source["rank"] and row[1] == source["name"] and row[2] == source["ortsteil"]
        assert row[3] == source["population"] and row[4] == round(source["need"])
        assert row[5] == pytest.approx(round(1000 * source["access"], 2), abs=1e-9)
        assert row[6] == round(100 * source["relative_access"]) and row[7] == round(source["gap_score"], 3)
        assert row[8] == source["class"] and row[9] == source["demand_points"]
        transit = access[row[10]]  # as /api/transit-access/ gives it, rounded
        assert row[11] == round(transit["transit_access"], 1) and row[12] == round(transit["transit_reach"], 1)
        assert row[13] == transit["rail_distance_m"]
    text = response.content.decode("utf-8-sig")
    first = next(csv.reader(io.StringIO(text), delimiter=";"))
    assert first == HEADERS and "Lückenwert" in text  # umlauts intact
    body = text.splitlines()[1:]
    assert all(line.count(";") == 13 for line in body)
    assert not any("." in cell for line in body for cell in line.split(";")[3:10])  # no decimal points
    decimals = [cell.split(",")[1] for line in body for cell in line.split(";")[3:10] if "," in cell]
    assert decimals and max(map(len, decimals)) <= 3


def test_parameters_and_levels(client):
    table = read_back(excel(client, "&catchment=500&need=residents").content, dtype={"Planungsraum-Schlüssel": str})
    json = features(client, "catchment=500&need=residents")
    assert {key: json[key]["rank"] for key in json} == dict(zip(table["Planungsraum-Schlüssel"], table["Rang"],
                                                                 strict=True))
    ortsteile = excel(client, "&level=ortsteil")
    assert 'filename="versorgungsluecken-spandau-ortsteile-excel.csv"' in ortsteile["Content-Disposition"]
    table = read_back(ortsteile.content)
    assert list(table.columns)[:2] == ["Rang", "Ortsteil"] and "Planungsraum-Schlüssel" not in table.columns
    assert len(table) == 9 and "Staaken" in set(table["Ortsteil"])
    estates = read_back(excel(client, "&level=housing_estate").content)
    assert list(estates.columns)[1] == "Großwohnsiedlung"


def test_machine_readable_downloads_stay(client):
    machine = client.get("/api/coverage.csv")
    rows = list(csv.DictReader(io.StringIO(machine.content.decode())))
    assert len(rows) == 45 and "gap_score" in rows[0] and "." in rows[0]["gap_score"]
    geojson = client.get("/api/coverage/?format=geojson")
    assert geojson.status_code == 200 and geojson.json()["type"] == "FeatureCollection"
    assert client.get("/api/coverage/?format=xlsx").status_code == 400


def test_planner_links_every_download(client):
    page = client.get("/planung/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'id="planner-excel" href="/api/coverage/?format=excel"' in page
    assert 'id="planner-csv" href="/api/coverage.csv"' in page
    assert 'id="planner-geojson" href="/api/coverage/?format=geojson"' in page
