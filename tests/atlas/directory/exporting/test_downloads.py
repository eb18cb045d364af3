"""Exports of the directory: public downloads (published entries, consented fields only) as CSV for
German Excel, XLSX and GeoJSON, and the coordinators' admin action."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import User
from django.urls import include, path, reverse
from django.utils import timezone

from atlas.directory.importing import run_import
from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from config.urls import urlpatterns as site_urlpatterns
from tests.atlas.directory.factories import make_meeting_place, make_organisation

# The site's URLs plus the export routes, whether or not config/urls.py includes them yet.
urlpatterns = [*site_urlpatterns, path("", include("atlas.directory.exporting.urls"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

PRIVATE_POINT = (13.1650, 52.5460)


@pytest.fixture
def entries():
    return {
        "open": make_organisation(
            name="Testverein Offen", street="Carl-Schurz-Str. 31", postcode="13597", email="offen@example.org",
            phone="030 111", website="https://offen.example.org", consent_publish_contact=True,
            categories=["counselling", "culture"], languages=["tr", "de"]),
        "no_contact": make_organisation(
            name="Testverein Ohne Einwilligung", email="geheim@example.org", phone="030 222",
            website="https://geheim.example.org"),
        "individual": make_organisation(
            name="Testperson Privat", kind=Organisation.Kind.INDIVIDUAL, street="Privatweg 1", postcode="13583",
            email="privat@example.org", location=PRIVATE_POINT),
        "pending": make_organisation(name="Testverein Wartend", status=PublicationStatus.PENDING,
                                     email="wartend@example.org", consent_publish_contact=True),
        "draft_place": make_meeting_place(name="Testtreffpunkt Entwurf", status=PublicationStatus.DRAFT),
        "place": make_meeting_place(name="Testtreffpunkt Offen", email="ort@example.org", bookable=True),
        "formula": make_organisation(name="=HYPERLINK(\"http://evil.example\")", slug="testverein-formel",
                                     phone="+49 30 1234567"),
    }


def download(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    return response


def csv_rows(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: German Excel reads UTF-8
    text = content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Name;Kurzname;Art;")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def test_public_csv_has_published_entries_only_and_consented_fields(client, entries):
    response = download(client, "export-organisations-csv")
    today = timezone.localdate().isoformat()
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="migraktiv-organisationen-{today}.csv"' in response["Content-Disposition"]
    all_rows = csv_rows(response)
    rows = {row["Name"]: row for row in all_rows}
    assert "Testverein Wartend" not in rows
    assert sorted(row["Kurzname"] for row in all_rows) == sorted(
        Organisation.objects.published().values_list("slug", flat=True))

    open_row = rows["Testverein Offen"]
    assert open_row["E-Mail"] == "offen@example.org" and open_row["Telefon"] == "030 111"
    assert open_row["Tätigkeitsfelder"] == "Beratung, Kultur"
    assert open_row["Sprachen"] == "Deutsch, Türkisch"
    assert open_row["Straße"] == "Carl-Schurz-Str. 31" and open_row["PLZ"] == "13597"
    assert open_row["Breitengrad"] == "52,5357" and open_row["Längengrad"] == "13,2005"  # decimal commas

    hidden = rows["Testverein Ohne Einwilligung"]
    assert hidden["E-Mail"] == hidden["Telefon"] == hidden["Website"] == ""

    private = rows["Testperson Privat"]
    assert private["Straße"] == private["PLZ"] == "" and private["E-Mail"] == ""
    assert private["Planungsraum"] and private["Genauigkeit der Lage"] == "Planungsraum"
    assert private["Breitengrad"] != "52,546"  # the planning area's point, not the home
    content = response.content.decode("utf-8-sig")
    for secret in ("geheim@example.org", "030 222", "privat@example.org", "Privatweg", "wartend@example.org"):
        assert secret not in content

    formula = rows["'=HYPERLINK(\"http://evil.example\")"]  # never run as a formula in Excel
    assert formula is not None


def test_public_xlsx_loads_with_openpyxl(client, entries):
    from openpyxl import load_workbook

    response = download(client, "export-organisations-xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert headers[:3] == ("Name", "Kurzname", "Art")
    by_name = {row[0]: dict(zip(headers, row, strict=True)) for row in rows[1:]}
    assert "Testverein Wartend" not in by_name
    assert by_name["Testverein Offen"]["Breitengrad"] == pytest.approx(52.5357)
    assert by_name["Testverein Ohne Einwilligung"]["E-Mail"] in (None, "")
    formula_cell = next(c for c in sheet["A"] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert formula_cell.data_type == "s"


def test_public_geojson_is_valid_and_private(client, entries):
    response = download(client, "export-organisations-geojson")
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["name"]: f for f in collection["features"]}
    assert set(features) == {o.name for o in Organisation.objects.published()}
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        if geometry is not None:
            lon, lat = geometry["coordinates"]
            assert geometry["type"] == "Point" and 13.0 < lon < 13.4 and 52.3 < lat < 52.7
    assert features["Testverein Offen"]["geometry"]["coordinates"] == [13.2005, 52.5357]
    private = features["Testperson Privat"]
    assert private["geometry"]["coordinates"] != list(PRIVATE_POINT)
    assert private["properties"]["street"] == "" and private["properties"]["email"] == ""
    assert private["properties"]["location_precision"] == "Planungsraum"
    assert "geheim@example.org" not in response.content.decode()


def test_meeting_place_exports(client, entries):
    all_rows = csv_rows(download(client, "export-meeting-places-csv"))
    assert len(all_rows) == MeetingPlace.objects.published().count()
    rows = {row["Name"]: row for row in all_rows}
    assert "Testtreffpunkt Entwurf" not in rows
    assert rows["Testtreffpunkt Offen"]["E-Mail"] == "ort@example.org"
    assert rows["Testtreffpunkt Offen"]["buchbar"] == "ja"
    seeded = next(row for row in rows.values() if row["Quelle"])
    assert seeded["Breitengrad"]
    collection = json.loads(download(client, "export-meeting-places-geojson").content)
    assert len(collection["features"]) == len(all_rows)
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(download(client, "export-meeting-places-xlsx").content)).active
    assert sheet.max_row == len(all_rows) + 1


def test_public_export_only_answers_get(client):
    assert client.post(reverse("export-organisations-csv")).status_code == 405


def test_exported_csv_imports_again_as_updates(client, entries):
    content = download(client, "export-organisations-csv").content
    report = run_import(content, "export.csv", dry_run=True)
    assert not report.has_errors, report.as_text()
    assert not report.file_warnings
    names = {row.name: row for row in report.rows}
    assert names["Testverein Offen"].action == "update"
    # Importing the public file back never loses what it leaves out: private contact data and addresses.
    before = Organisation.objects.count()
    report = run_import(content, "export.csv", dry_run=False)
    assert report.committed and Organisation.objects.count() == before
    no_contact, individual = entries["no_contact"], entries["individual"]
    no_contact.refresh_from_db()
    individual.refresh_from_db()
    assert no_contact.email == "geheim@example.org" and no_contact.phone == "030 222"
    assert individual.street == "Privatweg 1" and individual.postcode == "13583"
    assert (round(individual.location.x, 4), round(individual.location.y, 4)) == PRIVATE_POINT
    assert sorted(c.key for c in entries["open"].categories.all()) == ["counselling", "culture"]


def test_admin_changelist_links_and_selection_export(client, entries):
    from openpyxl import load_workbook

    client.force_login(User.objects.create_superuser("testexport", "export@example.org", "x"))
    changelist = client.get(reverse("admin:atlas_organisation_changelist")).content.decode()
    assert reverse("export-organisations-xlsx") in changelist
    selected = [entries["pending"].pk, entries["no_contact"].pk]
    response = client.post(reverse("admin:atlas_organisation_changelist"),
                           {"action": "export_selection_xlsx", "_selected_action": selected})
    assert response.status_code == 200
    assert "-auswahl-" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    by_name = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_name) == {"Testverein Wartend", "Testverein Ohne Einwilligung"}
    # Coordinators see internal fields: status, consents and the contact data without consent.
    assert by_name["Testverein Wartend"]["Status"] == "wartet auf Prüfung"
    assert by_name["Testverein Ohne Einwilligung"]["E-Mail"] == "geheim@example.org"
    assert by_name["Testverein Ohne Einwilligung"]["Einwilligung Kontakt"] == "nein"
    report = run_import(response.content, "auswahl.xlsx")
    assert not report.has_errors and not report.file_warnings, report.as_text()
    assert {row.action for row in report.rows} == {"update"}

    response = client.post(reverse("admin:atlas_meetingplace_changelist"),
                           {"action": "export_selection_csv", "_selected_action": [entries["draft_place"].pk]})
    rows = csv_rows(response)
    assert [row["Name"] for row in rows] == ["Testtreffpunkt Entwurf"] and rows[0]["Status"] == "Entwurf"
    # The coordinators' file goes back in as it came out.
    report = run_import(response.content, "auswahl.csv", kind="meeting-places")
    assert not report.has_errors and not report.file_warnings, report.as_text()
    assert [(row.action, row.status) for row in report.rows] == [("update", "ok")]


def test_selection_export_needs_the_change_permission(client, entries):
    from django.contrib.auth.models import Permission

    user = User.objects.create_user("testleser", "leser@example.org", "x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_organisation"))
    client.force_login(user)
    response = client.get(reverse("admin:atlas_organisation_changelist"))
    assert "export_selection_xlsx" not in response.content.decode()
