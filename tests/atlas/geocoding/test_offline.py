"""The offline chain on the real official address list and the real imported areas and facilities."""

import time

import pytest
from django.contrib.gis.geos import Point

from atlas.geocoding.models import GazetteerAddress, GeocodeCache
from atlas.geocoding.result import LocationPrecision, Status
from atlas.geocoding.service import apply_geocode, geocode
from tests.atlas.geocoding.support import address_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer_data", "fresh_geocoders")]


def test_import_gazetteer_loads_the_whole_list():
    assert GazetteerAddress.objects.count() == 34029
    assert GazetteerAddress.objects.values("street").distinct().count() == 970
    assert GazetteerAddress.objects.values("planning_area_key").distinct().count() == 45


def test_import_gazetteer_is_idempotent():
    from django.core.management import call_command

    before = GazetteerAddress.objects.count()
    call_command("import_gazetteer", verbosity=0)
    assert GazetteerAddress.objects.count() == before


@pytest.mark.parametrize(("query", "street", "number", "suffix"), [
    ("Carl-Schurz-Str. 31, 13597 Berlin", "Carl-Schurz-Straße", 31, ""),
    ("carl schurz strasse 31", "Carl-Schurz-Straße", 31, ""),
    ("Falkenseer Chaussee 8", "Falkenseer Chaussee", 8, ""),
    ("Falkenseer Chaussee 30, 13583 Berlin-Spandau", "Falkenseer Chaussee", 30, ""),
    ("Mauerstrasse 6", "Mauerstraße", 6, ""),
    ("  Breite  Str.5 ,, 13597   Berlin ", "Breite Straße", 5, ""),
    ("pichelsdorfer str 31", "Pichelsdorfer Straße", 31, ""),
    ("Pichelsdorfer Strasse 30", "Pichelsdorfer Straße", 30, ""),
    ("Weissenburger Str. 5 a", "Weißenburger Straße", 5, "A"),
    ("Hakenfelder Str. 8C", "Hakenfelder Straße", 8, "C"),
    ("Schoenwalder Allee 26", "Schönwalder Allee", 26, ""),
    ("Schonwalder Allee 26", "Schönwalder Allee", 26, ""),
    ("Klosterstraße 5-7", "Klosterstraße", 5, ""),
    ("Straße 133 2, 14089 Berlin", "Straße 133", 2, ""),
])
def test_messy_addresses_find_the_official_planning_area(query, street, number, suffix):
    row = address_row(street, number, suffix)
    result = geocode(query)
    assert result, query
    assert result.planning_area_key == row["PLR_ID"]
    assert result.planning_area_name == row["PLR_NAME"]
    assert result.ortsteil_name == row["ort_name"]
    assert result.label == f"{street} {number}{suffix}, {row['plz']} Berlin"
    assert result.provider == "gazetteer"
    assert result.precision in (LocationPrecision.ADDRESS, LocationPrecision.STREET, LocationPrecision.PLANNING_AREA)


def test_estimated_points_stay_inside_the_address_planning_area():
    from geodata.models import PlanningArea

    for query in ["Mauerstrasse 6", "Pichelsdorfer Str. 31", "Pichelsdorfer Str. 30", "Klosterstr. 30 A",
                  "Falkenseer Chaussee 30", "Straße 133 2"]:
        result = geocode(query)
        assert result.precision in (LocationPrecision.STREET, LocationPrecision.PLANNING_AREA), query
        area = PlanningArea.objects.get(key=result.planning_area_key)
        assert area.geom.buffer(1e-7).covers(result.point), query


def test_a_facility_at_the_address_gives_its_point():
    """AWO-Kita Sternschnuppe (Kita layer, Falkenseer Chaussee 8) – precision "address"."""
    from geodata.models import Facility

    kita = Facility.objects.filter(street__startswith="Falkenseer Chaussee 8").first()
    assert kita is not None
    result = geocode("falkenseer chaussee 8, 13583 Berlin")
    assert result.precision == LocationPrecision.ADDRESS
    assert (result.lon, result.lat) == pytest.approx((kita.geom.x, kita.geom.y), abs=1e-6)
    assert result.planning_area_key == address_row("Falkenseer Chaussee", 8)["PLR_ID"]


def test_every_facility_address_in_the_list_geocodes_to_its_point():
    from geodata.models import Facility

    checked = 0
    for facility in Facility.objects.exclude(street="")[:300]:
        result = geocode(f"{facility.street}, {facility.postcode} Berlin")
        if result and result.precision == LocationPrecision.ADDRESS and result.point.distance(facility.geom) < 1e-6:
            checked += 1
    assert checked >= 50


def test_interpolation_between_facilities_on_the_same_street():
    from geodata.models import Facility, FacilityType

    base = Facility.objects.select_related("facility_type", "source", "planning_area", "ortsteil").first()
    kind = FacilityType.objects.first()

    def place(number, lon, lat):
        Facility.objects.create(name=f"Test {number}", facility_type=kind, street=f"Pichelsdorfer Str. {number}",
                                postcode="13595", geom=Point(lon, lat, srid=4326), planning_area=base.planning_area,
                                ortsteil=base.ortsteil, source=base.source, source_key=f"test-{number}")

    place(2, 13.2000, 52.5200)
    place(8, 13.2060, 52.5230)
    result = geocode("Pichelsdorfer Straße 6")
    assert result.precision == LocationPrecision.STREET
    assert result.planning_area_key == address_row("Pichelsdorfer Straße", 6)["PLR_ID"]
    from geodata.models import PlanningArea

    area = PlanningArea.objects.get(key=result.planning_area_key)
    if area.geom.covers(Point(13.2040, 52.5220, srid=4326)):
        assert (result.lon, result.lat) == pytest.approx((13.2040, 52.5220), abs=1e-6)
    else:  # clipped into the address's planning area
        assert area.geom.buffer(1e-7).covers(result.point)


def test_unknown_house_number_falls_back_to_the_street():
    result = geocode("Carl-Schurz-Straße 999")
    assert result.precision == LocationPrecision.PLANNING_AREA
    assert result.planning_area_key == "05100316"
    assert result.label == "Carl-Schurz-Straße, 13597 Berlin"


def test_street_without_number_gives_the_planning_area_of_most_addresses():
    result = geocode("Falkenseer Chaussee")
    assert result.precision == LocationPrecision.PLANNING_AREA
    # Im Spektefeld holds 74 of the street's 212 addresses, more than any other planning area.
    assert result.planning_area_key == "05100208"


@pytest.mark.parametrize(("query", "name"), [
    ("Staaken", "Staaken"), ("Berlin-Kladow", "Kladow"), ("falkenhagener feld", "Falkenhagener Feld"),
    ("Haselhorst, 13599 Berlin", "Haselhorst"),
])
def test_ortsteil_name_alone(query, name):
    from geodata.models import Ortsteil

    result = geocode(query)
    assert result.precision == LocationPrecision.ORTSTEIL
    ortsteil = Ortsteil.objects.get(name=name)
    assert (result.ortsteil_key, result.ortsteil_name) == (ortsteil.key, name)
    assert ortsteil.geom.covers(result.point)
    assert result.planning_area_key == ""


def test_planning_area_name():
    result = geocode("Wilhelmstadt West")
    assert result.precision == LocationPrecision.PLANNING_AREA
    assert result.planning_area_key == "05200630"


def test_named_facility_is_exact():
    from geodata.models import Facility

    facility = Facility.objects.filter(name="Kita am Wald").first()
    assert facility is not None
    result = geocode("kita am wald")
    assert result.precision == LocationPrecision.EXACT
    assert result.label == "Kita am Wald"
    assert (result.lon, result.lat) == pytest.approx((facility.geom.x, facility.geom.y), abs=1e-6)
    assert result.planning_area_key == facility.planning_area.key


def test_small_typo_in_street_name():
    result = geocode("Carl-Schutz-Strasse 31")
    assert result.planning_area_key == "05100316"
    assert result.label.startswith("Carl-Schurz-Straße 31")


@pytest.mark.parametrize("query", ["xyzzy qwerty", "Karl-Marx-Allee 1", "Unter den Linden 1, 10117 Berlin", "", "   ",
                                   "Berlin", "13597"])
def test_nonsense_is_not_found(query):
    result = geocode(query)
    assert not result
    assert result.status == Status.NOT_FOUND
    assert result.point is None


def test_offline_results_are_not_cached():
    geocode("Carl-Schurz-Str. 31")
    assert not GeocodeCache.objects.exists()


def test_offline_geocoding_is_fast():
    queries = ["Carl-Schurz-Str. 31, 13597 Berlin", "pichelsdorfer str 31", "Staaken", "xyzzy"] * 25
    geocode(queries[0])  # snapshots built
    started = time.monotonic()
    for query in queries:
        geocode(query)
    assert time.monotonic() - started < 2.0


class Record:
    location = None
    location_precision = ""
    needs_location = False


def test_apply_geocode_sets_location_and_flag():
    record = Record()
    assert apply_geocode(record, geocode("Carl-Schurz-Str. 31"))
    assert record.location.srid == 4326 and record.location_precision == "address" and not record.needs_location
    assert apply_geocode(record, geocode("xyzzy"))
    assert record.location is None and record.needs_location


def test_apply_geocode_never_overwrites_a_manual_location():
    record = Record()
    record.location_set_manually = True
    record.location = Point(13.2, 52.53, srid=4326)
    assert not apply_geocode(record, geocode("Staaken"))
    assert record.location.coords == (13.2, 52.53)


def test_every_point_lies_in_the_planning_area_it_reports():
    """Heerstraße is the border between planning areas: a point interpolated along it and clipped
    onto the border must not land on the neighbour's side (it did before the clip moved inward)."""
    from geodata.models import PlanningArea

    rows = GazetteerAddress.objects.filter(street="Heerstraße", number__isnull=False).order_by("number")
    checked = 0
    for row in rows[::7]:
        result = geocode(f"{row.street} {row.number}{row.suffix}, {row.postcode} Berlin")
        assert result, row
        point = Point(result.lon, result.lat, srid=4326)
        assert PlanningArea.objects.get(key=result.planning_area_key).geom.contains(point), (row, result)
        checked += 1
    assert checked > 20
