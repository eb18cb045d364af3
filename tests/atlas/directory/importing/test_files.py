"""Import of organisations and meeting places from the files coordinators keep (atlas/directory/importing/).

All rows are invented test data ("Testverein …"); addresses are real Spandau addresses, so the offline
geocoder of the session's real data finds them.
"""

import io

import pytest
from django.contrib.gis.geos import Point

from atlas.directory.importing import run_import
from atlas.directory.importing.reading import ImportFileError, read_table
from atlas.directory.models import LocationPrecision, MeetingPlace, Organisation, PublicationStatus
from tests.atlas.directory.factories import make_organisation
from tests.atlas.directory.importing.support import BAD_CSV, CLEAN_CSV, MESSY_CSV, counts, statuses
from tests.factories import RATHAUS_SPANDAU

pytestmark = pytest.mark.django_db

# --- reading ----------------------------------------------------------------------------------------

def test_windows_1252_semicolon_file_with_messy_headers_is_read():
    data = MESSY_CSV.replace("Name;Art", "  NAME ;art ").replace("Längengrad", "LÄNGENGRAD").encode("cp1252",
                                                                                                     "replace")
    table = read_table(data, "liste.csv")
    assert (table.encoding, table.delimiter, table.file_format) == ("cp1252", ";", "csv")
    assert [line for line, _cells in table.rows] == [2, 3, 6, 7]


def test_utf8_bom_and_comma_separator_are_detected():
    data = "\ufeffName,PLZ\r\nTestverein Komma,13597\r\n".encode()
    table = read_table(data, "liste.csv")
    assert (table.encoding, table.delimiter) == ("utf-8", ",")
    assert table.headers == ["Name", "PLZ"]


def test_utf8_bom_file_with_commas_and_native_language_names_imports():
    data = ("\ufeffname , sprachen,tätigkeitsfelder,plz,strasse\r\n"
            "Testverein Vielsprachig,\"Русский, العربية; Türkçe\",counselling,13597,Carl-Schurz-Str. 31\r\n")
    report = run_import(data.encode("utf-8"), "liste.csv", dry_run=False)
    assert report.committed and report.encoding == "utf-8" and report.delimiter == ","
    entry = Organisation.objects.get(name="Testverein Vielsprachig")
    assert sorted(lang.code for lang in entry.languages.all()) == ["ar", "ru", "tr"]
    assert [c.key for c in entry.categories.all()] == ["counselling"]


@pytest.mark.parametrize(("data", "message"), [
    (bytes(range(256)) * 4, "weder UTF-8 noch Windows-1252"),
    (b"\x00\x01\x02PK garbage \x81\x8d", "weder UTF-8 noch Windows-1252"),
    ("Name\r\nTestverein\r\n".encode("utf-16"), "UTF-16"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
    (b"PK\x03\x04 not really a zip", "Excel-Datei lässt sich nicht öffnen"),
    (b"", "leer"),
])
def test_unreadable_files_are_refused_with_a_clear_message(data, message):
    with pytest.raises(ImportFileError, match=message):
        read_table(data, "liste.csv")


# --- dry run and import -------------------------------------------------------------------------------

def test_dry_run_reports_every_row_with_its_line_and_writes_nothing():
    before = counts()
    report = run_import(MESSY_CSV.encode("cp1252"), "liste.csv", dry_run=True)
    assert not report.has_errors, report.as_text()
    # Line 3 (Breite Straße 20) is placed only at its planning area's point: a warning, not "ok".
    assert statuses(report) == [(2, "ok"), (3, "warning"), (6, "ok")]
    assert "Planungsraums Carl-Schurz-Straße" in report.rows[1].warnings[0]
    assert "Lage genau setzen" in report.rows[1].warnings[0]
    assert [row.action for row in report.rows] == ["create"] * 3
    assert counts() == before
    assert report.counts["create"] == 3
    assert "Vorschau" in report.summary()


def test_messy_file_imports_with_vocabularies_languages_and_locations():
    report = run_import(MESSY_CSV.encode("cp1252"), "liste.csv", dry_run=False)
    assert report.committed, report.as_text()

    bruecke = Organisation.objects.get(name="Testverein Brücke")
    assert bruecke.status == PublicationStatus.PENDING  # the default: moderation
    assert bruecke.street == "Carl-Schurz-Str. 31" and bruecke.postcode == "13597"
    assert bruecke.location_precision == "address" and not bruecke.needs_location
    assert bruecke.planning_area is not None
    assert sorted(c.key for c in bruecke.categories.all()) == ["counselling", "language-courses"]
    assert sorted(lang.code for lang in bruecke.languages.all()) == ["de", "tr"]
    assert [t.key for t in bruecke.target_groups.all()] == ["families"]
    assert [c.key for c in bruecke.communities.all()] == ["turkish"]
    assert bruecke.website == "https://www.testverein-bruecke.example"
    assert bruecke.consent_publish_contact and bruecke.network_member and bruecke.founded_year == 1998

    cafe = Organisation.objects.get(name="Testinitiative Café Öl")
    assert cafe.kind == Organisation.Kind.INITIATIVE
    assert cafe.description == "Erste Zeile\nzweite Zeile; mit Semikolon\ndritte Zeile"
    assert sorted(c.key for c in cafe.categories.all()) == ["culture", "neighbourhood"]
    assert sorted(lang.code for lang in cafe.languages.all()) == ["ar", "ru"]
    assert cafe.slug == "testinitiative-cafe-ol"

    coordinates = Organisation.objects.get(name="Testverein Koordinaten")
    assert coordinates.location_precision == LocationPrecision.EXACT
    assert (round(coordinates.location.x, 4), round(coordinates.location.y, 4)) == (13.2001, 52.5361)
    assert coordinates.search_text.startswith("testverein koordinaten")


def test_xlsx_file_imports_like_the_csv():
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Art", "Tätigkeitsfelder", "Sprachen", "Straße", "PLZ", "Lat", "Lon", "Gründungsjahr",
                  "Netzwerkmitglied"])
    sheet.append(["Testverein Excel", "Verein", "Beratung; Bildung", "Türkçe, Deutsch", "Carl-Schurz-Str. 31",
                  13597, None, None, 2001, True])
    sheet.append([None] * 10)
    sheet.append(["Testverein Excel Punkt", "Community", "Kultur", "uk", None, None, 52.5361, 13.2001, None, False])
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = run_import(buffer.getvalue(), "liste.xlsx", dry_run=False)
    assert report.committed, report.as_text()
    assert statuses(report) == [(2, "ok"), (4, "ok")]
    excel = Organisation.objects.get(name="Testverein Excel")
    assert excel.postcode == "13597" and excel.founded_year == 2001 and excel.network_member
    assert sorted(c.key for c in excel.categories.all()) == ["counselling", "education"]
    point = Organisation.objects.get(name="Testverein Excel Punkt")
    assert point.kind == Organisation.Kind.COMMUNITY
    assert point.location_precision == LocationPrecision.EXACT


def test_bad_rows_are_reported_with_exact_lines_and_nothing_is_written():
    before = counts()
    for dry_run in (True, False):
        report = run_import(BAD_CSV.encode("utf-8"), "fehler.csv", dry_run=dry_run)
        assert report.has_errors and not report.committed
        assert counts() == before
    rows = {row.line: row for row in report.rows}
    assert sorted(rows) == [2, 3, 4, 5, 7, 8, 9, 10]
    assert rows[2].status == "ok"
    assert rows[3].errors == ["Name fehlt"]
    category, language = rows[4].errors  # "Kultur" is known
    assert category.startswith("Unbekanntes Tätigkeitsfeld: „Zauberei“. Erlaubt sind: Beratung, Sprachkurse, ")
    assert "Meinten Sie" not in category  # nothing is close to "Zauberei"
    assert "Nachbarschaft und Begegnung" in category and "Arabisch" not in category
    assert language.startswith("Unbekannte Sprache: „Klingonisch“. Erlaubt sind: ")
    assert "Arabisch" in language and "Türkisch" in language
    assert rows[5].status == "warning" and not rows[5].errors
    assert "Nirgendwostraße 5, 13597 Berlin" in rows[5].warnings[0] and "Lage fehlt" in rows[5].warnings[0]
    assert any("E-Mail" in e for e in rows[7].errors)
    assert any("Website" in e for e in rows[7].errors)
    assert any("Gründungsjahr" in e for e in rows[7].errors)
    assert any("außerhalb von Spandau" in e for e in rows[8].errors)
    assert any("vertauscht" in e for e in rows[9].errors)
    assert any("doppelt in der Datei" in e and "Zeile 2" in e for e in rows[10].errors)
    assert report.counts["error"] == 6
    assert "nichts importiert" in report.summary()
    text = report.as_text()
    assert "Zeile 3: Fehler" in text and "Zeile 5: Warnung" in text


def test_unparsable_address_is_a_warning_and_the_entry_is_flagged():
    data = "Name;Straße;PLZ\nTestverein Ohne Ort;Nirgendwostraße 5;13597\nTestverein Ganz Ohne;;\n"
    report = run_import(data.encode(), "liste.csv", dry_run=False)
    assert report.committed, report.as_text()
    assert statuses(report) == [(2, "warning"), (3, "warning")]
    for name in ("Testverein Ohne Ort", "Testverein Ganz Ohne"):
        entry = Organisation.objects.get(name=name)
        assert entry.needs_location and entry.location is None and entry.location_precision == ""


def test_file_without_name_column_or_rows_is_an_error():
    report = run_import(b"Titelzeile;PLZ\nTestverein;13597\n", "x.csv")
    assert report.file_errors and "Name" in report.file_errors[0]
    assert run_import(b"Name;PLZ\r\n", "x.csv").file_errors
    report = run_import(b"Name;Lieblingsfarbe\nTestverein Farbe\n", "x.csv")
    assert not report.has_errors
    assert any("Lieblingsfarbe" in warning for warning in report.file_warnings)


def test_binary_garbage_is_a_file_error_in_the_report():
    before = counts()
    report = run_import(bytes(range(256)) * 10, "liste.csv", dry_run=False)
    assert report.has_errors and report.rows == []
    assert "weder UTF-8 noch Windows-1252" in report.file_errors[0]
    assert counts() == before


# --- updates, duplicates, locations, permissions ------------------------------------------------------

def test_second_import_updates_instead_of_duplicating():
    first = run_import(CLEAN_CSV.encode(), "a.csv", dry_run=False)
    assert first.committed and first.counts["create"] == 1
    entry = Organisation.objects.get(name="Testverein Wiederholung")
    second_file = CLEAN_CSV.replace("Testverein Wiederholung", "TESTVEREIN  wiederholung").replace(
        "erste Fassung", "zweite Fassung").replace("Beratung", "Beratung, Kultur")
    second = run_import(second_file.encode(), "b.csv", dry_run=False)
    assert second.committed, second.as_text()
    assert [row.action for row in second.rows] == ["update"]
    assert second.rows[0].action_label == "aktualisiert"
    assert Organisation.objects.filter(search_text__startswith="testverein wiederholung").count() == 1
    entry.refresh_from_db()
    assert entry.short_description == "zweite Fassung" and entry.slug == "testverein-wiederholung"
    assert sorted(c.key for c in entry.categories.all()) == ["counselling", "culture"]


def test_existing_entry_is_matched_by_slug_and_new_slugs_are_unique():
    existing = make_organisation(name="Testverein Kurzname", slug="testverein-kurzname", postcode="13583")
    make_organisation(name="Anderer Testverein", slug="testverein-neu")
    data = "Kurzname;Name;PLZ\ntestverein-kurzname;Testverein Umbenannt;13597\n;Testverein Neu;13597\n"
    report = run_import(data.encode(), "a.csv", dry_run=False)
    assert [row.action for row in report.rows] == ["update", "create"]
    existing.refresh_from_db()
    assert existing.name == "Testverein Umbenannt" and existing.postcode == "13597"
    assert Organisation.objects.get(name="Testverein Neu").slug == "testverein-neu-2"


def test_namesake_within_200_m_is_a_warning_not_an_error():
    make_organisation(name="Testverein Rathaus-Nähe", postcode="13597", location=RATHAUS_SPANDAU)
    # About 110 m north of the existing entry, another postcode: probably the same association.
    data = ("Name;PLZ;Breitengrad;Längengrad\n"
            "TESTVEREIN RATHAUS NAEHE;13583;52,5367;13,2005\n"
            "Testverein Doppelt;13583;52,5400;13,2005\n"
            "testverein doppelt;13585;52,5405;13,2005\n"
            "Testverein Weit Weg;13583;52,5500;13,2005\n")
    report = run_import(data.encode(), "a.csv", dry_run=False)
    assert report.committed
    rows = {row.line: row for row in report.rows}
    assert any("Möglicherweise doppelt" in w and "Testverein Rathaus-Nähe" in w for w in rows[2].warnings)
    assert rows[3].status == "ok"
    assert any("Zeile 3" in w for w in rows[4].warnings)
    assert rows[5].status == "ok"


def test_manual_location_is_never_overwritten():
    manual_point = Point(13.21, 52.54, srid=4326)
    entry = make_organisation(name="Testverein Handarbeit", postcode="13597", location=manual_point,
                              location_set_manually=True, location_precision=LocationPrecision.MANUAL)
    data = ("Name;Straße;PLZ;Breitengrad;Längengrad;Kurzbeschreibung\n"
            "Testverein Handarbeit;Carl-Schurz-Str. 31;13597;52,5361;13,2001;neu\n")
    report = run_import(data.encode(), "a.csv", dry_run=False)
    assert report.committed and report.rows[0].action == "update"
    assert any("von Hand gesetzt" in note for note in report.rows[0].notes)
    entry.refresh_from_db()
    assert entry.location.equals_exact(manual_point, tolerance=1e-9)
    assert entry.location_precision == LocationPrecision.MANUAL and entry.location_set_manually
    assert entry.short_description == "neu" and entry.street == "Carl-Schurz-Str. 31"
    # Without coordinates the address is geocoded – still not over the manual point.
    data = "Name;Straße;PLZ\nTestverein Handarbeit;Breite Straße 20;13597\n"
    assert run_import(data.encode(), "b.csv", dry_run=False).committed
    entry.refresh_from_db()
    assert entry.location.equals_exact(manual_point, tolerance=1e-9)


def test_status_column_only_for_coordinators():
    data = "Name;Status\nTestverein Öffentlich;veröffentlicht\nTestverein Entwurf;\n"
    report = run_import(data.encode(), "a.csv", dry_run=False, can_set_status=False)
    assert report.committed
    assert Organisation.objects.get(name="Testverein Öffentlich").status == PublicationStatus.PENDING
    assert any("nur Koordinator" in w for w in report.rows[0].warnings)
    report = run_import(data.replace("Testverein", "Testgruppe").encode(), "a.csv", dry_run=False)
    assert Organisation.objects.get(name="Testgruppe Öffentlich").status == PublicationStatus.PUBLISHED
    assert Organisation.objects.get(name="Testgruppe Entwurf").status == PublicationStatus.PENDING
    report = run_import(b"Name;Status\nTestgruppe X;irgendwas\n", "a.csv")
    assert any("Unbekannter Status" in e for e in report.rows[0].errors)


def test_updates_need_the_change_permission():
    make_organisation(name="Testverein Geschützt", postcode="13597")
    data = "Name;PLZ\nTestverein Geschützt;13597\n"
    report = run_import(data.encode(), "a.csv", can_update=False)
    assert report.has_errors and "ändern" in report.rows[0].errors[0]


def test_meeting_places_import():
    data = ("Name;Art;Straße;PLZ;Betreiber;buchbar;Kosten;E-Mail\n"
            "Testtreffpunkt Saal;Vereinsräume;Carl-Schurz-Str. 31;13597;Testverein Träger;ja;kostenlos;"
            "saal@example.org\n"
            "Testtreffpunkt Ohne Art;;Carl-Schurz-Str. 31;13597;;nein;;\n"
            "Testtreffpunkt Falsch;Raumschiff;;;;;;\n")
    report = run_import(data.encode(), "orte.csv", kind="meeting-places")
    assert statuses(report) == [(2, "ok"), (3, "warning"), (4, "error")]
    assert "Raumschiff" in report.rows[2].errors[0]
    data = "\n".join(data.splitlines()[:3]) + "\n"
    report = run_import(data.encode(), "orte.csv", kind="meeting-places", dry_run=False)
    assert report.committed, report.as_text()
    place = MeetingPlace.objects.get(name="Testtreffpunkt Saal")
    assert place.place_type.key == "association-rooms" and place.bookable and place.cost == "kostenlos"
    assert place.status == PublicationStatus.PENDING and place.location is not None
    assert MeetingPlace.objects.get(name="Testtreffpunkt Ohne Art").place_type.key == "other"


def test_organisation_columns_in_a_meeting_places_file_are_ignored_with_a_warning():
    data = "Name;Art;Sprachen\nTesttreffpunkt Sprachen;Café;de\n"
    report = run_import(data.encode(), "orte.csv", kind="meeting-places")
    assert not report.has_errors
    assert any("Sprachen" in w and "Treffpunkte" in w for w in report.file_warnings)
