"""The importer against the real Spandau data (imported once per test database by tests/conftest.py)."""

import csv
import hashlib
import json
import shutil
import time
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.management import call_command
from django.core.management.base import CommandError

from geodata.importers.readers import SPANDAU_BBOX
from geodata.models import (
    AGE_GROUPS,
    Bezirk,
    Bezirksregion,
    DataSource,
    Facility,
    FacilityType,
    HousingEstate,
    HousingOwnership,
    Ortsteil,
    PlanningArea,
    Population,
    Prognoseraum,
    SocialMonitoring,
    TransitStop,
)

pytestmark = pytest.mark.django_db

DATA_DIR = settings.ATLAS_DATA_DIR
T1 = "spandau_lor_population_2024-12-31_t1_migration_status.csv"
MODELS = (DataSource, Bezirk, Ortsteil, Prognoseraum, Bezirksregion, PlanningArea, Population, SocialMonitoring,
          HousingOwnership, FacilityType, Facility, HousingEstate, TransitStop)


def reimport(data_dir=None, verbosity=1):
    out = StringIO()
    kwargs = {"data_dir": data_dir} if data_dir else {}
    call_command("import_geodata", verbosity=verbosity, stdout=out, stderr=StringIO(), **kwargs)
    return out.getvalue()


def snapshot():
    """Counts of every layer plus a checksum over values that an import would touch."""
    digest = hashlib.sha256()
    for values in (
        DataSource.objects.order_by("key").values_list("key", "file_sha256"),
        PlanningArea.objects.order_by("key").values_list("key", "name", "area_m2", "ortsteil__key"),
        Population.objects.order_by("planning_area__key").values_list("planning_area__key", "residents", "origin"),
        SocialMonitoring.objects.order_by("planning_area__key").values_list("planning_area__key", "status_index"),
        Facility.objects.order_by("source__key", "source_key").values_list("source_key", "name", "planning_area__key"),
        HousingEstate.objects.order_by("name").values_list("name", "derivation"),
        TransitStop.objects.order_by("source_key").values_list("source_key", "name", "modes", "main_point"),
    ):
        digest.update(json.dumps(list(values), default=str, sort_keys=True).encode())
    digest.update("".join(area.geom.wkt for area in PlanningArea.objects.order_by("key")).encode())
    return {model.__name__: model.objects.count() for model in MODELS}, digest.hexdigest()


def test_area_layers():
    assert Bezirk.objects.count() == 1
    assert Ortsteil.objects.count() == 9
    assert Prognoseraum.objects.count() == 4
    assert Bezirksregion.objects.count() == 9
    assert PlanningArea.objects.count() == 45
    assert Ortsteil.objects.get(key="0501").name == "Spandau"
    assert Ortsteil.objects.get(key="0509").area_m2 == pytest.approx(1037.8667 * 10_000)  # FLAECHE_HA
    maulbeerallee = PlanningArea.objects.select_related("bezirksregion__prognoseraum").get(key="05200527")
    assert maulbeerallee.name == "Maulbeerallee"
    assert maulbeerallee.bezirksregion.key == "052005"
    assert maulbeerallee.bezirksregion.prognoseraum.key == "0520"
    # The planning areas tile the Bezirk: their areas add up to its area.
    bezirk = Bezirk.objects.get()
    assert sum(PlanningArea.objects.values_list("area_m2", flat=True)) == pytest.approx(bezirk.area_m2, rel=0.001)
    west, south, east, north = SPANDAU_BBOX
    xmin, ymin, xmax, ymax = bezirk.geom.extent
    assert west < xmin < xmax < east and south < ymin < ymax < north


def test_planning_area_belongs_to_the_ortsteil_holding_most_of_it():
    ortsteile = list(Ortsteil.objects.all())
    for area in PlanningArea.objects.all():
        largest = max(ortsteile, key=lambda ortsteil: ortsteil.geom.intersection(area.geom).area)
        assert area.ortsteil_id == largest.pk, area


def test_population_adds_up_to_the_official_bezirk_total():
    with (DATA_DIR / T1).open(encoding="utf-8") as handle:
        [bezirk_row] = [row for row in csv.DictReader(handle) if row["lor_level"] == "BEZ"]
    population = Population.objects.all()
    assert population.count() == 45
    residents = sum(p.residents for p in population)
    assert residents == int(bezirk_row["inhabitants"]) == 259_277
    assert sum(p.with_migration_background for p in population) == 118_420
    assert sum(p.foreigners for p in population) == 69_363
    sample = Population.objects.get(planning_area__key="05100101")
    assert set(sample.age_groups) == set(AGE_GROUPS)  # jsonb does not keep the key order
    assert sum(sample.age_groups.values()) == sample.residents == 4504
    assert sample.origin["turkey"] == 98
    assert not any(key.endswith("percentage") for key in sample.origin)
    assert str(sample.reference_date) == "2024-12-31"


def test_social_monitoring_and_ownership():
    assert SocialMonitoring.objects.count() == 45
    gartenfeld = SocialMonitoring.objects.get(planning_area__key="05300838")
    assert gartenfeld.valid is False
    assert gartenfeld.status_index is None and gartenfeld.unemployment is None
    assert set(gartenfeld.context_indicators.values()) == {None}
    maulbeerallee = SocialMonitoring.objects.get(planning_area__key="05200527")
    assert maulbeerallee.valid and maulbeerallee.status_index == 4
    assert maulbeerallee.context_indicators["KI_08"] is None  # published on the old grid only
    assert isinstance(maulbeerallee.context_indicators["KI_01"], float)
    assert not any("_GR" in key for key in maulbeerallee.context_indicators)
    assert HousingOwnership.objects.count() == 44
    assert not HousingOwnership.objects.filter(planning_area__key="05300838").exists()


def test_every_record_points_to_its_source():
    osm = DataSource.objects.get(key="osm-poi-2025-09")
    assert osm.attribution == "© OpenStreetMap contributors"
    assert "ODbL" in osm.licence
    for source in DataSource.objects.exclude(key="atlas-derived-housing-estates"):
        assert len(source.file_sha256) == 64
        assert source.file_sha256 == hashlib.sha256((DATA_DIR / source.file_name).read_bytes()).hexdigest()
    assert not Facility.objects.filter(source__isnull=True).exists()
    assert set(HousingEstate.objects.values_list("source__key", flat=True)) <= {"atlas-derived-housing-estates"}


def test_facilities_lie_in_the_bezirk_and_in_the_planning_area_their_source_names():
    bezirk = Bezirk.objects.get().geom
    facilities = list(Facility.objects.select_related("planning_area", "ortsteil", "facility_type"))
    assert len(facilities) > 400
    for facility in facilities:
        assert bezirk.covers(facility.geom), facility
        assert facility.planning_area.geom.covers(facility.geom), facility
        assert facility.ortsteil.geom.covers(facility.geom), facility
        assert facility.planning_area.key == facility.attributes["atlas_plr_id"], facility
        assert facility.geom_metric.srid == settings.METRIC_SRID
        assert facility.geom_metric.distance(facility.geom.transform(settings.METRIC_SRID, clone=True)) < 0.01
    types = {facility.facility_type.key for facility in facilities}
    assert {"kita", "school", "youth_centre", "care_home", "counselling", "community_centre", "pharmacy"} <= types
    # Schools and Kitas come from the official layers only; transport and shops are skipped.
    osm_categories = set(Facility.objects.filter(source__key="osm-poi-2025-09")
                         .values_list("attributes__category", flat=True))
    assert not osm_categories & {"schools", "kindergartens", "childcare", "bus-stops", "supermarkets"}


def test_placeholders_become_empty():
    counselling = Facility.objects.get(source__key="hilfmir-2023", source_key="425")
    assert counselling.street == "Carl-Schurz-Straße 31"
    assert counselling.attributes["Zusatz"] == ""
    assert counselling.attributes["Anzeigen"] == "1"
    crisis = Facility.objects.get(source__key="hilfmir-2023", source_key="99")
    assert crisis.street == "Charlottenstraße 13"  # the number is not repeated
    assert not Facility.objects.filter(website="None").exists()
    assert not Facility.objects.filter(street__contains="None").exists()
    youth = Facility.objects.filter(source__key="jugendfreizeiteinrichtungen-2022-12", attributes__e_platz="0")
    assert youth.exists() and not youth.exclude(capacity=None).exists()


def test_second_run_changes_nothing():
    before = snapshot()
    started = time.monotonic()
    output = reimport()
    assert time.monotonic() - started < 10
    assert "Keine Änderungen" in output
    assert snapshot() == before


def test_changed_and_vanished_records_are_restored():
    before = snapshot()
    facility = Facility.objects.get(source__key="kitas-2022-12", source_key="05080030")
    facility.name = "Umbenannt"
    facility.geom = Point(13.2, 52.55, srid=4326)
    facility.save()
    Facility.objects.filter(source__key="schulen-2023-10", source_key="05B01").delete()
    area = PlanningArea.objects.get(key="05100101")
    area.geom = PlanningArea.objects.get(key="05100102").geom
    area.save()
    Population.objects.filter(planning_area__key="05100101").update(residents=1)
    stray = Facility.objects.get(pk=facility.pk)
    stray.pk, stray.source_key = None, "verschwunden"
    stray.save()

    output = reimport()
    assert "Keine Änderungen" not in output
    assert snapshot() == before
    restored = Facility.objects.get(pk=facility.pk)
    assert restored.name == "AWO-Kita Sternschnuppe"
    assert restored.geom_metric.distance(restored.geom.transform(settings.METRIC_SRID, clone=True)) < 0.01


def test_housing_estates_are_derived():
    estates = list(HousingEstate.objects.prefetch_related("planning_areas"))
    assert estates
    bezirk = Bezirk.objects.get().geom
    for estate in estates:
        assert bezirk.buffer(1e-6).covers(estate.geom), estate
        assert estate.planning_areas.exists()
        assert "Statusindex" in estate.derivation
        assert not estate.edited
    heerstrasse = HousingEstate.objects.get(planning_areas__key="05200527")
    assert "Rudolf-Wissell-Großsiedlung" in heerstrasse.name
    assert set(heerstrasse.planning_areas.values_list("key", flat=True)) == {"05200526", "05200527"}
    falkenhagener_feld = HousingEstate.objects.get(planning_areas__key="05100208")
    assert falkenhagener_feld.name.startswith("Falkenhagener Feld: ")


def test_edited_housing_estate_survives_a_reimport():
    estate = HousingEstate.objects.get(planning_areas__key="05200527")
    estate.name = "Großsiedlung Heerstraße Nord"
    estate.geom = PlanningArea.objects.get(key="05200527").geom
    estate.edited = True
    estate.save()
    drawn = HousingEstate.objects.create(name="Von Hand gezeichnet", geom=PlanningArea.objects.get(key="05400943").geom,
                                         edited=True, source=estate.source)
    count = HousingEstate.objects.count()

    reimport()
    estate.refresh_from_db()
    assert estate.name == "Großsiedlung Heerstraße Nord" and estate.edited
    assert estate.geom.equals_exact(PlanningArea.objects.get(key="05200527").geom, 1e-9)
    assert HousingEstate.objects.filter(pk=drawn.pk).exists()
    # The coordinator's version replaces the derived one instead of getting a duplicate beside it.
    assert HousingEstate.objects.count() == count
    assert HousingEstate.objects.filter(planning_areas__key="05200526").count() == 1


# --- broken source files: the import refuses with a message and leaves the database as it was -------

def _replace(path, old, new, count=1):
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new, count), encoding="utf-8")


def broken_json(data):
    path = data / "spandau_lor_planungsraeume_2021.geojson"
    path.write_text(path.read_text(encoding="utf-8")[:-200], encoding="utf-8")


def text_in_number_column(data):
    _replace(data / "spandau_lor_population_2024-12-31_t2_age_sex.csv", "PLR,05100102,4377,218,",
             "PLR,05100102,4377,viele,")


def missing_file(data):
    (data / "spandau_kitas_2022-12.geojson").unlink()


def key_without_leading_zero(data):
    _replace(data / T1, "PLR,05100102,", "PLR,5100102,")


def foreign_crs(data):
    path = data / "spandau_schulen_2023-10.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    collection["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25833"}}
    path.write_text(json.dumps(collection), encoding="utf-8")


def missing_planning_area(data):
    path = data / "spandau_mss2021_indizes_plr.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")


def coordinates_outside_spandau(data):
    path = data / "spandau_jugendfreizeiteinrichtungen_2022-12.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    collection["features"][2]["geometry"]["coordinates"] = [378699.3, 5825535.6]
    path.write_text(json.dumps(collection), encoding="utf-8")


def _edit_stations(data, edit):
    path = data / "spandau_vbb_stations_2026-09.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    edit(collection["features"])
    path.write_text(json.dumps(collection), encoding="utf-8")


def station_far_outside(data):
    # Dallgow-Döberitz: inside the coordinate check's box, but 5 km from the Bezirk.
    _edit_stations(data, lambda features: features[4]["geometry"].update(coordinates=[13.0300, 52.5200]))


def station_without_name(data):
    _edit_stations(data, lambda features: features[6]["properties"].update(name="  "))


def station_id_twice(data):
    _edit_stations(data, lambda features: features[9]["properties"].update(id=features[8]["properties"]["id"]))


def station_weight_not_a_number(data):
    _edit_stations(data, lambda features: features[11]["properties"].update(weight="viel"))


def station_missing(data):
    _edit_stations(data, lambda features: features.pop())


@pytest.mark.parametrize(("corrupt", "expected"), [
    (broken_json, ["spandau_lor_planungsraeume_2021.geojson", "GeoJSON"]),
    (text_in_number_column, ["spandau_lor_population_2024-12-31_t2_age_sex.csv", "Zeile 3", "viele"]),
    (missing_file, ["spandau_kitas_2022-12.geojson", "fehlt"]),
    (key_without_leading_zero, [T1, "Zeile 3", "5100102"]),
    (foreign_crs, ["spandau_schulen_2023-10.geojson", "crs"]),
    (missing_planning_area, ["spandau_mss2021_indizes_plr.csv", "44"]),
    (coordinates_outside_spandau, ["spandau_jugendfreizeiteinrichtungen_2022-12.geojson", "Objekt 3"]),
    (station_far_outside, ["spandau_vbb_stations_2026-09.geojson", "Objekt 5", "außerhalb des Bezirks"]),
    (station_without_name, ["spandau_vbb_stations_2026-09.geojson", "Objekt 7", "Name fehlt"]),
    (station_id_twice, ["spandau_vbb_stations_2026-09.geojson", "Objekt 10", "doppelt"]),
    (station_weight_not_a_number, ["spandau_vbb_stations_2026-09.geojson", "Objekt 12", "weight", "viel"]),
    (station_missing, ["spandau_vbb_stations_2026-09.geojson", "869", "870"]),
])
def test_corrupt_file_is_refused_and_database_unchanged(tmp_path, corrupt, expected):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("spandau_adressen_*"))
    for path in data.iterdir():
        path.chmod(0o644)  # the shared copies are read-only
    corrupt(data)
    before = snapshot()
    with pytest.raises(CommandError) as error:
        reimport(data)
    for text in expected:
        assert text in str(error.value)
    assert snapshot() == before


def test_data_dir_option_reads_an_intact_copy(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("spandau_adressen_*"))
    assert "Keine Änderungen" in reimport(data)
