"""The import of organisations and meeting places as coordinators use it: the management command
and the admin's upload → preview → confirm, with permissions and CSRF (atlas/directory/importing/).

Test files from support.py (as in test_files.py): invented "Testverein …" rows at real addresses.
"""

import io

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from django.urls import reverse

from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from tests.atlas.directory.factories import make_organisation
from tests.atlas.directory.importing.support import BAD_CSV, CLEAN_CSV, MESSY_CSV, counts, statuses
from tests.factories import RATHAUS_SPANDAU

pytestmark = pytest.mark.django_db


# --- the command -----------------------------------------------------------------------------------

def test_command_dry_run_prints_the_report_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "liste.csv"
    path.write_bytes(MESSY_CSV.encode("cp1252"))
    before = counts()
    call_command("import_organisations", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "Zeile 2: ok (neu) – Testverein Brücke" in out and "Zeile 6" in out
    assert counts() == before
    call_command("import_organisations", str(path), "--status", "published")
    assert Organisation.objects.get(name="Testverein Brücke").status == PublicationStatus.PUBLISHED


def test_command_exits_with_an_error_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "fehler.csv"
    path.write_bytes(BAD_CSV.encode("utf-8"))
    before = counts()
    with pytest.raises(CommandError, match="nichts wurde gespeichert"):
        call_command("import_organisations", str(path))
    err = capsys.readouterr().err
    assert "Zeile 3: Fehler" in err and "Name fehlt" in err and "Zauberei" in err
    assert counts() == before
    with pytest.raises(CommandError, match="nicht gefunden"):
        call_command("import_organisations", str(tmp_path / "fehlt.csv"))


def test_command_imports_meeting_places(tmp_path):
    path = tmp_path / "orte.csv"
    path.write_text("Name;Art;Straße;PLZ\nTesttreffpunkt Kommando;Café;Carl-Schurz-Str. 31;13597\n",
                    encoding="utf-8-sig")
    call_command("import_organisations", str(path), "--kind", "meeting-places")
    assert MeetingPlace.objects.get(name="Testtreffpunkt Kommando").place_type.key == "cafe"


# --- the admin ---------------------------------------------------------------------------------------

def upload(client, url, content, name="liste.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(url, {"file": SimpleUploadedFile(name, content, content_type="text/csv")})


@pytest.fixture
def coordinator(client):
    user = User.objects.create_superuser("testkoordination", "koordination@example.org", "x")
    client.force_login(user)
    return client


def test_admin_import_flow_upload_preview_confirm(coordinator):
    changelist = coordinator.get(reverse("admin:atlas_organisation_changelist"))
    import_url = reverse("admin:atlas_organisation_import")
    assert import_url in changelist.content.decode()
    assert "Importieren (CSV/XLSX)" in changelist.content.decode()
    form = coordinator.get(import_url)
    assert form.status_code == 200 and b'enctype="multipart/form-data"' in form.content

    before = counts()
    preview = upload(coordinator, import_url, MESSY_CSV.encode("cp1252"))
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Import bestätigen" in page and "Testverein Brücke" in page
    report = preview.context["report"]
    assert statuses(report) == [(2, "ok"), (3, "warning"), (6, "ok")]
    assert "<td>6</td>" in page
    assert counts() == before  # the preview writes nothing

    done = coordinator.post(reverse("admin:atlas_organisation_import_confirm"), {"token": preview.context["token"]},
                            follow=True)
    assert done.status_code == 200
    assert Organisation.objects.filter(name__startswith="Test").count() >= 3
    assert Organisation.objects.get(name="Testverein Brücke").status == PublicationStatus.PENDING
    assert any("Import abgeschlossen" in str(m) for m in done.context["messages"])
    # The token is used up: confirming again imports nothing twice.
    again = coordinator.post(reverse("admin:atlas_organisation_import_confirm"), {"token": preview.context["token"]},
                             follow=True)
    assert any("nicht mehr vorhanden" in str(m) for m in again.context["messages"])
    assert Organisation.objects.filter(name="Testverein Brücke").count() == 1


def test_admin_preview_with_errors_offers_no_confirmation(coordinator):
    before = counts()
    preview = upload(coordinator, reverse("admin:atlas_organisation_import"), BAD_CSV.encode())
    page = preview.content.decode()
    assert preview.status_code == 200 and "Import bestätigen" not in page
    assert "Name fehlt" in page and "<td>3</td>" in page and "Zauberei" in page
    assert not preview.context["token"]
    assert counts() == before


def test_admin_meeting_place_import_and_xlsx_upload(coordinator):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Name", "Art", "Straße", "PLZ"])
    workbook.active.append(["Testtreffpunkt Admin", "Bibliothek", "Carl-Schurz-Str. 31", 13597])
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = upload(coordinator, reverse("admin:atlas_meetingplace_import"), buffer.getvalue(), "orte.xlsx")
    assert statuses(preview.context["report"]) == [(2, "ok")]
    coordinator.post(reverse("admin:atlas_meetingplace_import_confirm"), {"token": preview.context["token"]})
    assert MeetingPlace.objects.get(name="Testtreffpunkt Admin").place_type.key == "library"


def test_admin_refuses_files_over_2_mb(coordinator):
    big = MESSY_CSV.encode() + b"x" * (2 * 1024 * 1024)
    response = upload(coordinator, reverse("admin:atlas_organisation_import"), big)
    assert response.status_code == 200
    assert "höchstens 2 MB" in response.content.decode()
    assert "atlas_import_uploads" not in coordinator.session


def staff_client(client, *codenames):
    user = User.objects.create_user("testmitarbeit", "mitarbeit@example.org", "x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="atlas", codename__in=codenames))
    client.force_login(user)
    return client


def test_staff_without_add_permission_gets_403(client):
    staff = staff_client(client, "view_organisation", "change_organisation")
    assert staff.get(reverse("admin:atlas_organisation_import")).status_code == 403
    assert upload(staff, reverse("admin:atlas_organisation_import"), CLEAN_CSV.encode()).status_code == 403
    assert staff.post(reverse("admin:atlas_organisation_import_confirm"), {"token": "x"}).status_code == 403
    changelist = staff.get(reverse("admin:atlas_organisation_changelist")).content.decode()
    assert "Importieren (CSV/XLSX)" not in changelist


def test_staff_with_add_permission_only_imports_as_pending(client):
    staff = staff_client(client, "view_organisation", "add_organisation")
    data = "Name;Status\nTestverein Eilig;veröffentlicht\n".encode()
    preview = upload(staff, reverse("admin:atlas_organisation_import"), data)
    assert any("nur Koordinator" in w for w in preview.context["report"].rows[0].warnings)
    staff.post(reverse("admin:atlas_organisation_import_confirm"), {"token": preview.context["token"]})
    assert Organisation.objects.get(name="Testverein Eilig").status == PublicationStatus.PENDING


def test_admin_import_is_csrf_protected():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.create_superuser("testcsrf", "csrf@example.org", "x"))
    assert upload(client, reverse("admin:atlas_organisation_import"), CLEAN_CSV.encode()).status_code == 403


def test_admin_form_warns_about_a_namesake_within_200_m(coordinator):
    make_organisation(name="Testverein Nachbar", location=RATHAUS_SPANDAU)
    data = {
        "name": "Testverein  NACHBAR", "slug": "testverein-nachbar-zwei", "kind": "association",
        "status": "draft", "wheelchair_access": "unknown", "opening_hours": "{}", "social_links": "[]",
        "location": '{"type": "Point", "coordinates": [13.2008, 52.5360]}',
        "rooms-TOTAL_FORMS": "0", "rooms-INITIAL_FORMS": "0",
        "editor_links-TOTAL_FORMS": "0", "editor_links-INITIAL_FORMS": "0",  # the editors inline
    }
    response = coordinator.post(reverse("admin:atlas_organisation_add"), data, follow=True)
    assert response.status_code == 200
    assert Organisation.objects.filter(slug="testverein-nachbar-zwei").exists(), response.context.get("errors")
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("Möglicherweise doppelt" in w and "Testverein Nachbar" in w for w in warnings)
