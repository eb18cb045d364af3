"""The coordinators' admin for events, topics and resources (atlas/events/admin.py,
atlas/resources/admin.py), on an admin site of its own."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import path

from atlas.directory.models import MeetingPlace, Organisation
from atlas.events.admin import EventAdmin, TopicAdmin
from atlas.events.models import Event, Topic
from atlas.resources.admin import ResourceAdmin
from atlas.resources.models import Resource
from tests.atlas.events.factories import berlin, make_event

site = admin.AdminSite(name="admin")
site.register(Topic, TopicAdmin)
site.register(Event, EventAdmin)
site.register(Resource, ResourceAdmin)
site.register(Organisation, search_fields=["name"])
site.register(MeetingPlace, search_fields=["name"])
urlpatterns = [path("admin/", site.urls)]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture
def coordinator(client):
    user = get_user_model().objects.create_superuser("koordination", "k@example.org", "geheim-genug-123")
    client.force_login(user)
    return client


def test_admin_classes_pass_the_system_checks():
    for model in (Topic, Event, Resource):
        assert site._registry[model].check() == []


@pytest.mark.parametrize("model", ["event", "resource", "topic"])
def test_add_and_list_pages_load(coordinator, model):
    assert coordinator.get(f"/admin/atlas/{model}/add/").status_code == 200
    assert coordinator.get(f"/admin/atlas/{model}/").status_code == 200


def event_form(**changes):
    start = berlin(2031, 3, 13, 10)
    data = {
        "title": "Workshop", "slug": "workshop-admin", "kind": "workshop", "status": "published",
        "description": "", "start_0": "13.03.2031", "start_1": "10:00", "end_0": "13.03.2031", "end_1": "12:00",
        "street": "", "postcode": "", "location": "", "location_precision": "", "organiser_name": "",
        "registration_url": "", "capacity": "",
    }
    data.update(changes)
    return data, start


def test_event_with_end_before_start_is_refused(coordinator):
    data, _ = event_form(end_1="09:00")
    response = coordinator.post("/admin/atlas/event/add/", data)
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    assert not Event.objects.filter(slug="workshop-admin").exists()


def test_event_is_saved_in_berlin_time(coordinator):
    data, start = event_form()
    response = coordinator.post("/admin/atlas/event/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="workshop-admin")
    assert event.start == start and event.end - event.start == datetime.timedelta(hours=2)


def test_resource_upload_of_disguised_exe_is_refused(coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = {"title": "Leitfaden", "slug": "leitfaden", "kind": "file", "status": "published", "summary": "",
            "body": "", "url": ""}
    exe = SimpleUploadedFile("leitfaden.pdf", b"MZ\x90\x00" + b"\x00" * 60)
    response = coordinator.post("/admin/atlas/resource/add/", {**data, "file": exe})
    assert response.status_code == 200
    assert "Der Inhalt der Datei passt nicht zur Endung" in response.content.decode()
    pdf = SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4\n%%EOF\n")
    assert coordinator.post("/admin/atlas/resource/add/", {**data, "file": pdf}).status_code == 302
    assert Resource.objects.get(slug="leitfaden").file.name == "resources/leitfaden.pdf"


def test_changelist_shows_events(coordinator):
    make_event(title="Sichtbar im Admin")
    assert "Sichtbar im Admin" in coordinator.get("/admin/atlas/event/").content.decode()
