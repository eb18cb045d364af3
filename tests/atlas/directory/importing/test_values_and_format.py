"""What a coordinator reads when a value is unknown (the allowed values, the nearest one), the in-app help
page with its CSV and XLSX templates, and warnings for rows placed below address precision."""

import io

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from atlas.directory.importing import run_import
from atlas.directory.importing.columns import columns_for, header_key, header_map
from atlas.directory.importing.help import FIELDS
from atlas.directory.models import Category, Language, LocationPrecision, MeetingPlace, Organisation
from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.directory.importing.support import statuses
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def errors_of(data, kind="organisations"):
    report = run_import(data.encode(), "liste.csv", kind=kind)
    return report.rows[0].errors


# --- unknown values --------------------------------------------------------------------------------------

def test_an_unknown_category_lists_the_allowed_ones_and_suggests_the_nearest():
    [typo, far] = errors_of("Name;Tätigkeitsfelder\nTestverein Werte;Berattung, Kochen, Kultur\n")
    names = list(Category.objects.order_by("position", "name").values_list("name", flat=True))
    assert typo == ("Unbekanntes Tätigkeitsfeld: „Berattung“. Meinten Sie „Beratung“? Erlaubt sind: "
                    + ", ".join(names))
    assert far == "Unbekanntes Tätigkeitsfeld: „Kochen“. Erlaubt sind: " + ", ".join(names)


@pytest.mark.parametrize(("header", "value", "expected", "allowed"), [
    ("Sprachen", "Arabish", "Arabisch", "Deutsche Gebärdensprache"),
    ("Sprachen", "Türkish", "Türkisch", "Vietnamesisch"),
    ("Zielgruppen", "Jugendlicher", "Jugendliche", "Menschen mit Behinderung"),
    ("Communities", "syrien", "syrisch", "communityübergreifend"),
    ("Art", "Vereinn", "Verein", "Einzelperson"),
    ("Status", "veröffentlich", "veröffentlicht", "wartet auf Prüfung"),
    ("Barrierefreiheit", "rollstuhlgerech", "rollstuhlgerecht", "eingeschränkt"),
    ("Tätigkeitsfelder", "Nachhilfe", "Hausaufgabenhilfe", "Sprachmittlung"),
])
def test_every_vocabulary_suggests_and_lists(header, value, expected, allowed):
    [message] = errors_of(f"Name;{header}\nTestverein Werte;{value}\n")
    assert f"„{value}“. Meinten Sie „{expected}“? Erlaubt sind: " in message
    assert allowed in message.split("Erlaubt sind: ")[1]


def test_an_unknown_meeting_place_type_lists_the_types():
    [message] = errors_of("Name;Art\nTesttreffpunkt Werte;Bibliotek\n", kind="meeting-places")
    assert message.startswith("Unbekannte Art des Treffpunkts: „Bibliotek“. Meinten Sie „Bibliothek“? Erlaubt sind: ")
    assert "Vereinsräume" in message and "Sonstiger Treffpunkt" in message


def test_known_values_in_any_spelling_still_need_no_suggestion():
    data = ("Name;Tätigkeitsfelder;Sprachen;Art\n"
            "Testverein Werte;beratung / LANGUAGE-COURSES;Türkçe, ar, Persisch;verein\n")
    report = run_import(data.encode(), "liste.csv", dry_run=False)
    assert report.committed, report.as_text()
    entry = Organisation.objects.get(name="Testverein Werte")
    assert sorted(c.key for c in entry.categories.all()) == ["counselling", "language-courses"]
    assert sorted(lang.code for lang in entry.languages.all()) == ["ar", "fa", "tr"]


# --- below address precision --------------------------------------------------------------------------------

def test_a_row_placed_only_at_planning_area_precision_is_a_warning():
    data = "Name;Straße;PLZ\nTestverein Wever;Weverstraße 38;13595\nTestverein Rathaus;Carl-Schurz-Str. 31;13597\n"
    report = run_import(data.encode(), "liste.csv", dry_run=False)
    assert report.committed
    assert statuses(report) == [(2, "warning"), (3, "ok")]
    [warning] = report.rows[0].warnings
    assert warning == ("„Weverstraße 38, 13595 Berlin“ nur ungefähr gefunden: Punkt des Planungsraums Graetschelsteig "
                       "(Genauigkeit: Planungsraum). Bitte nach dem Import unter „Lage genau setzen“ auf der Karte "
                       "setzen.")
    wever = Organisation.objects.get(name="Testverein Wever")
    assert wever.location_precision == LocationPrecision.PLANNING_AREA and wever.planning_area.key == "05200633"
    assert report.to_place == [wever.pk]


def test_a_street_estimate_and_area_coordinates_are_warnings_too():
    data = ("Name;Straße;PLZ;Breitengrad;Längengrad;Genauigkeit der Lage\n"
            "Testverein Adam;Adamstraße 5;13595;;;\n"
            "Testverein Gebiet;;;52,5361;13,2001;Planungsraum\n")
    report = run_import(data.encode(), "liste.csv")
    assert statuses(report) == [(2, "warning"), (3, "warning")]
    assert "entlang der Straße (Genauigkeit: Straße)" in report.rows[0].warnings[0]
    assert report.rows[1].warnings == ["Koordinaten der Datei sind nur ein ungefährer Punkt (Genauigkeit: "
                                       "Planungsraum). Bitte nach dem Import unter „Lage genau setzen“ auf der Karte "
                                       "setzen."]


def test_the_command_names_the_queue(tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "liste.csv"
    path.write_text("Name;Straße;PLZ\nTestverein Kommando;Weverstraße 38;13595\n", encoding="utf-8")
    call_command("import_organisations", str(path))
    assert "1 Eintrag ohne genauen Punkt: bitte unter „Lage genau setzen“ (/lage-setzen/)" in capsys.readouterr().out


def test_after_the_admin_import_the_coordinator_lands_on_the_queue(client):
    client.force_login(make_user("testkoordination", role=COORDINATORS))
    data = "Name;Straße;PLZ\nTestverein Wever;Weverstraße 38;13595\n".encode()
    preview = client.post(reverse("admin:atlas_organisation_import"),
                          {"file": SimpleUploadedFile("liste.csv", data, content_type="text/csv")})
    page = preview.content.decode()
    assert "Graetschelsteig" in page and "Lage genau setzen" in page
    done = client.post(reverse("admin:atlas_organisation_import_confirm"), {"token": preview.context["token"]})
    assert done.status_code == 302 and done.url == reverse("atlas:placing")
    queue = client.get(done.url).content.decode()
    assert "1 Eintrag dieses Imports hat keinen genauen Punkt" in queue
    assert "Testverein Wever" in queue and "Planungsraum (Graetschelsteig)" in queue


# --- the help page and the templates ----------------------------------------------------------------------

def test_the_help_page_lists_the_columns_and_every_allowed_value(client):
    client.force_login(make_user("testkoordination", role=COORDINATORS))
    form = client.get(reverse("admin:atlas_organisation_import")).content.decode()
    help_url = reverse("admin:atlas_organisation_import_help")
    assert help_url in form and "docs/import.md" not in form
    page = client.get(help_url).content.decode()
    for header in ("Name", "Tätigkeitsfelder", "Sprachen", "Einwilligung Kontakt", "Breitengrad"):
        assert f'<code lang="de">{header}</code>' in page
    assert all(category.name in page for category in Category.objects.all())
    assert all(language.german_name in page and language.code in page for language in Language.objects.all())
    assert 'id="values-categories"' in page and 'href="#values-categories"' in page
    assert reverse("atlas:placing") in page
    assert reverse("admin:atlas_organisation_import_template", args=["xlsx"]) in page


def test_the_help_page_is_translated(client):
    client.force_login(make_user("testkoordination", role=COORDINATORS))
    page = client.get(reverse("admin:atlas_meetingplace_import_help"), HTTP_ACCEPT_LANGUAGE="ar")
    assert page.status_code == 200 and 'dir="rtl"' in page.content.decode()
    assert "Bibliothek" in page.content.decode()  # the value to write stays German


@pytest.mark.parametrize("role", [None, PLANNERS])
def test_help_and_templates_need_the_import_permission(client, role):
    client.force_login(make_user("testplanung", role=role, is_staff=True))
    for url in (reverse("admin:atlas_organisation_import_help"),
                reverse("admin:atlas_organisation_import_template", args=["csv"])):
        assert client.get(url).status_code in (302, 403)
    client.logout()
    response = client.get(reverse("admin:atlas_organisation_import_template", args=["xlsx"]))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_the_csv_template_has_every_column_and_imports_once_filled(client):
    client.force_login(make_user("testkoordination", role=COORDINATORS))
    response = client.get(reverse("admin:atlas_organisation_import_template", args=["csv"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffName;Art;Kurzbeschreibung;")
    headers = text.lstrip("\ufeff").strip().split(";")
    own = header_map(columns_for("organisations"))
    assert [own[header_key(header)] for header in headers] == FIELDS["organisations"]
    row = {"Name": "Testverein Vorlage", "Art": "Initiative", "Tätigkeitsfelder": "Beratung, Kultur",
           "Sprachen": "tr", "Straße": "Carl-Schurz-Str.", "Hausnummer": "31", "PLZ": "13597",
           "Einwilligung Kontakt": "ja", "Status": "veröffentlicht"}
    line = ";".join(row.get(header, "") for header in headers)
    report = run_import((text + line + "\r\n").encode("utf-8"), "vorlage.csv", dry_run=False)
    assert report.committed and not report.file_warnings, report.as_text()
    entry = Organisation.objects.get(name="Testverein Vorlage")
    assert entry.kind == Organisation.Kind.INITIATIVE and entry.status == "published"


def test_the_xlsx_template_offers_the_values_and_imports_once_filled(client):
    from openpyxl import load_workbook

    client.force_login(make_user("testkoordination", role=COORDINATORS))
    response = client.get(reverse("admin:atlas_meetingplace_import_template", args=["xlsx"]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet, values = workbook.worksheets
    assert (sheet.title, values.title) == ("Treffpunkte", "Erlaubte Werte")
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Name", "Art", "Kurzbeschreibung"] and "buchbar" in headers
    own = header_map(columns_for("meeting-places"))
    assert [own[header_key(header)] for header in headers] == FIELDS["meeting-places"]
    assert sheet["A1"].comment.text.startswith("Pflichtfeld")
    columns = {column[0].value: [cell.value for cell in column[1:] if cell.value] for column in values.iter_cols()}
    assert "Bibliothek" in columns["Art des Treffpunkts"] and columns["ja/nein"] == ["ja", "nein"]
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    art, bookable = "B2", f"{chr(ord('A') + headers.index('buchbar'))}2"
    assert "'Erlaubte Werte'!$A$2:" in lists[art] and "'Erlaubte Werte'!" in lists[bookable]

    sheet.append(["Testtreffpunkt Vorlage", "Bibliothek", "Lesen und reden"] + [None] * (len(headers) - 3))
    sheet.cell(row=2, column=headers.index("buchbar") + 1, value="ja")
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = run_import(buffer.getvalue(), "vorlage.xlsx", kind="meeting-places", dry_run=False)
    assert report.committed and not report.file_warnings, report.as_text()
    place = MeetingPlace.objects.get(name="Testtreffpunkt Vorlage")
    assert place.place_type.key == "library" and place.bookable


def test_import_permissions_are_unchanged_for_staff_with_only_view_rights(client):
    user = User.objects.create_user("testansicht", "ansicht@example.org", "x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_organisation"))
    client.force_login(user)
    assert client.get(reverse("admin:atlas_organisation_import_help")).status_code == 403
