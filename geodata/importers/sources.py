"""The data sources: one DataSource per file, with publisher, licence, attribution and vintage as
documented in ../shared/data/PROVENANCE.md, and the address of the copy the file was taken from."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from geodata.importers.sync import sync_rows
from geodata.models import DataSource

DL_DE_BY = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
CC_BY_3_DE = "CC BY 3.0 DE"
ODBL = "Open Database License 1.0 (ODbL)"

GEOPORTAL = "Geoportal Berlin / Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen"
STATISTIK = "Amt für Statistik Berlin-Brandenburg"
SENSTADT = "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen"

LUCKY = "https://github.com/Lucky-0ne/geodata_berlin/tree/dac839d3f1892c0188ad306bc5fd36c51804133e/main/python_package/geodata_berlin/data/"  # noqa: E501
TESCH = "https://github.com/tesch-ch/berlin_PLR_data/tree/a5f060aa8f5a0871dc1e4b36e30fa13fb3358fd2/data/"
POPULATION = ("https://github.com/open-data-product/open-data-product-berlin-lor-population-source-aligned/tree/"
              "4cf1718937d95c61cba011588fadb7a59da37a5b/data/03-gold/berlin-lor-population-2024-02-csv")


@dataclass(frozen=True)
class Source:
    key: str
    file_name: str
    title: str
    publisher: str
    licence: str
    attribution: str
    vintage: str
    url: str = ""


def _lor(level, title, file_name):
    return Source(
        f"lor-{level}-2021", file_name, f"LOR {title} (Stand 01.01.2021)",
        f"{SENSTADT} (Geoportal Berlin); {STATISTIK}",
        "Datenlizenz Deutschland (Geoportal); CC BY 3.0 DE (ODIS-Kopie)",
        f"Geoportal Berlin / Lebensweltlich orientierte Räume (LOR) – {title}, Stand 01.01.2021",
        "01.01.2021", f"{LUCKY}lor_post2021_{level.upper()}")


def _population(table, title, file_suffix):
    return Source(
        f"population-2024-12-31-{table}", f"spandau_lor_population_2024-12-31_{table}_{file_suffix}.csv",
        f"Einwohnerregisterstatistik 31.12.2024, Tabelle {table.upper()}: {title}", STATISTIK,
        f"{CC_BY_3_DE} (Datenprodukt Open Data Product: CC BY 4.0)",
        "Amt für Statistik Berlin-Brandenburg, Statistischer Bericht A I 16 – Einwohnerinnen und Einwohner "
        "im Land Berlin am 31.12.2024", "31.12.2024", POPULATION)


def _mss(table, title, file_name):
    return Source(
        f"mss-2021-{table}", file_name, f"Monitoring Soziale Stadtentwicklung 2021: {title}", SENSTADT, DL_DE_BY,
        "Geoportal Berlin / Monitoring Soziale Stadtentwicklung 2021", "31.12.2020",
        f"{TESCH}monitoring_soziale_stadtentwicklung_2021/raw")


def _geoportal_points(key, file_name, title, publisher, vintage, folder):
    return Source(key, file_name, title, publisher, "dl-de/by-2-0 oder dl-de/zero-2-0",
                  f"Geoportal Berlin / {title}", vintage, f"{TESCH}{folder}/raw")


BEZIRK = Source(
    "alkis-bezirk", "spandau_bezirk.geojson", "Bezirksgrenze Spandau (ALKIS)",
    "Geoportal Berlin (ALKIS)", DL_DE_BY, "Geoportal Berlin / ALKIS Berlin Bezirke", "ALKIS, Anfang 2024",
    f"{LUCKY}districts")
ORTSTEILE = Source(
    "alkis-ortsteile", "spandau_ortsteile.geojson", "Ortsteile Spandau (ALKIS)",
    "Geoportal Berlin (ALKIS, Liegenschaftskataster der bezirklichen Vermessungsstellen)", DL_DE_BY,
    "Geoportal Berlin / ALKIS Berlin Ortsteile", "ALKIS, Anfang 2024", f"{LUCKY}local_districts")
PROGNOSERAEUME = _lor("pgr", "Prognoseräume", "spandau_lor_prognoseraeume_2021.geojson")
BEZIRKSREGIONEN = _lor("bzr", "Bezirksregionen", "spandau_lor_bezirksregionen_2021.geojson")
PLANUNGSRAEUME = _lor("plr", "Planungsräume", "spandau_lor_planungsraeume_2021.geojson")

POPULATION_T1 = _population("t1", "Migrationsstatus", "migration_status")
POPULATION_T2 = _population("t2", "Alter und Geschlecht", "age_sex")
POPULATION_T3 = _population("t3", "Migrationshintergrund nach Alter", "migbg_age")
POPULATION_T4 = _population("t4", "Migrationshintergrund nach Herkunftsgebiet", "migbg_origin")

MSS_INDIZES = _mss("indizes", "Status- und Dynamikindex", "spandau_mss2021_indizes_plr.csv")
MSS_INDEXINDIKATOREN = _mss("indexindikatoren", "Indexindikatoren", "spandau_mss2021_indexindikatoren_plr.csv")
MSS_KONTEXTINDIKATOREN = _mss("kontextindikatoren", "Kontextindikatoren",
                              "spandau_mss2021_kontextindikatoren_plr.csv")

EIGENTUM = Source(
    "eigentumskonzentration-2022", "spandau_eigentumskonzentration_2022_plr.csv",
    "Eigentumskonzentration Berlin 2022", SENSTADT, DL_DE_BY, "Geoportal Berlin / Eigentumskonzentration 2022",
    "November 2022", f"{TESCH}eigentumskonzentration/raw")

KITAS = _geoportal_points("kitas-2022-12", "spandau_kitas_2022-12.geojson", "Kindertagesstätten",
                          "Senatsverwaltung für Bildung, Jugend und Familie (Geoportal Berlin)", "Dezember 2022",
                          "kitas")
SCHULEN = _geoportal_points("schulen-2023-10", "spandau_schulen_2023-10.geojson", "Schulen",
                            "Senatsverwaltung für Bildung, Jugend und Familie (Geoportal Berlin)", "Oktober 2023",
                            "schulen")
JUGENDFREIZEIT = _geoportal_points(
    "jugendfreizeiteinrichtungen-2022-12", "spandau_jugendfreizeiteinrichtungen_2022-12.geojson",
    "Jugendfreizeiteinrichtungen", "Geoportal Berlin (GDI Berlin)", "Dezember 2022", "jugendfreizeiteinrichtungen")
PFLEGE = _geoportal_points("pflegeeinrichtungen-2023-07", "spandau_pflegeeinrichtungen_2023-07.geojson",
                           "Pflegeeinrichtungen", "Geoportal Berlin (GDI Berlin)", "Juli 2023", "pflegeeinrichtungen")
OSM_POI = Source(
    "osm-poi-2025-09", "spandau_osm_poi_2025-09.geojson", "OpenStreetMap: Orte sozialer Infrastruktur",
    "OpenStreetMap contributors", f"{ODBL} (Datenprodukt Open Lifeworlds: CC BY 4.0)",
    "© OpenStreetMap contributors", "September 2025",
    "https://github.com/open-lifeworlds/open-lifeworlds-data-product-berlin-lor-points-of-interest/tree/"
    "4db9b03252b4e08c38c4c9ff9f71b439399fdccb/data/03-gold/berlin-lor-points-of-interest-details-geojson")
HILFMIR = Source(
    "hilfmir-2023", "spandau_psychosoziale_hilfe_hilfmir_2023.geojson", "Psychosoziale Hilfe (hilf-mir.berlin)",
    "Technologiestiftung Berlin", "nicht angegeben – vor Veröffentlichung prüfen",
    "Technologiestiftung Berlin, hilf-mir.berlin", "August 2023",
    "https://github.com/technologiestiftung/hilf-mir.berlin/blob/db29859039c79343cb813836c7fb73362ba4fafe/"
    "docs/datensatz_hilf-mir_berlin_utf8.csv")

VBB_STATIONS = Source(
    "vbb-stations-2026-09", "spandau_vbb_stations_2026-09.geojson", "Haltestellen und Bahnhöfe (VBB)",
    "Verkehrsverbund Berlin-Brandenburg GmbH (VBB)", "CC BY 4.0",
    "Fahrplandaten: VBB Verkehrsverbund Berlin-Brandenburg GmbH, CC BY 4.0 (über vbb-stations 8.31.0)",
    "September 2026 (vbb-stations 8.31.0)", "https://www.npmjs.com/package/vbb-stations/v/8.31.0")

HOUSING_ESTATES = Source(
    "atlas-derived-housing-estates", "", "Großwohnsiedlungen (abgeleitet, erste Fassung)",
    "MigrAktiv Atlas (abgeleitet aus MSS 2021, Eigentumskonzentration 2022 und Einwohnerregister 31.12.2024)",
    "wie die Ausgangsdaten (dl-de/by-2-0, CC BY 3.0 DE)",
    "Eigene Ableitung aus Geoportal Berlin / Monitoring Soziale Stadtentwicklung 2021, Geoportal Berlin / "
    "Eigentumskonzentration 2022 und Amt für Statistik Berlin-Brandenburg (31.12.2024)",
    "abgeleitet; Stand der Ausgangsdaten")

FILE_SOURCES = (BEZIRK, ORTSTEILE, PROGNOSERAEUME, BEZIRKSREGIONEN, PLANUNGSRAEUME,
                POPULATION_T1, POPULATION_T2, POPULATION_T3, POPULATION_T4,
                MSS_INDIZES, MSS_INDEXINDIKATOREN, MSS_KONTEXTINDIKATOREN, EIGENTUM,
                KITAS, SCHULEN, JUGENDFREIZEIT, PFLEGE, OSM_POI, HILFMIR, VBB_STATIONS)
ALL_SOURCES = (*FILE_SOURCES, HOUSING_ESTATES)

FIELDS = ("title", "publisher", "licence", "attribution", "vintage", "url", "file_name", "file_sha256")


def sync_sources(checksums, report):
    """Upsert all DataSources; checksums maps file name → sha256. Returns {key: DataSource}."""
    desired = {
        source.key: {
            "title": source.title, "publisher": source.publisher, "licence": source.licence,
            "attribution": source.attribution, "vintage": source.vintage, "url": source.url,
            "file_name": source.file_name, "file_sha256": checksums.get(source.file_name, ""),
        }
        for source in ALL_SOURCES
    }
    # Sources no longer in the list are kept: records of other importers may point at them.
    return sync_rows(DataSource, "key", desired, FIELDS, report.layer(_("Datenquellen")), on_missing="keep")
