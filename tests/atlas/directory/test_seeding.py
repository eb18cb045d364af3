"""Seeding meeting places from the real facility layers: one entry per real place, every source kept, re-runs
idempotent, edits of coordinators never lost (atlas/directory/seeding.py, sites.py, merging.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from atlas.directory.models import MeetingPlace, MeetingPlaceFacility, PublicationStatus, Room
from atlas.directory.seeding import SEEDED_TYPES, seed_meeting_places, seeded_records
from atlas.directory.sites import distinctive_words, group_sites, same_site
from atlas.roles.permissions import COORDINATORS
from geodata.models import Facility
from tests.atlas.directory.support import get_json
from tests.atlas.events.factories import make_event
from tests.factories import make_user

pytestmark = pytest.mark.django_db

RECORDS = 73  # facility records of the four seeded kinds in the real data
SITES = 62


def seeded_facilities():
    return Facility.objects.filter(facility_type__key__in=SEEDED_TYPES).select_related("facility_type", "source")


def place_at(street):
    return MeetingPlace.objects.get(street=street)


def record_names(place):
    return sorted(place.facilities.values_list("name", flat=True))


def test_real_data_gives_one_entry_per_site():
    assert seeded_facilities().count() == RECORDS
    assert MeetingPlace.objects.count() == SITES
    assert MeetingPlace.objects.filter(facilities__isnull=False).distinct().count() == SITES
    # Every record belongs to exactly one entry.
    assert MeetingPlaceFacility.objects.count() == RECORDS
    # The three records at one Haselhorst address (a youth centre and two programmes held there).
    haveleck = place_at("Pulvermühlenweg 10")
    assert haveleck.name == "Jugendfreizeiteinrichtung Haveleck"
    assert record_names(haveleck) == ["Jugendfreizeiteinrichtung Haveleck", "Stadtteilarbeit Haselhorst",
                                      "Wochenendöffnung Haselhorst"]
    # The same youth centre from the official layer and OpenStreetMap (OSM without address, 11 m away).
    steig = MeetingPlace.objects.get(name="Jugendzentrum STEIG")
    assert {f.source.key for f in steig.facilities.select_related("source")} == {
        "jugendfreizeiteinrichtungen-2022-12", "osm-poi-2025-09"}
    assert len(record_names(steig)) == 3 and steig.place_type.key == "youth-centre"
    # "Jugendweg 15" and "Jugendweg 15-16": one address, similar names, 40 m apart.
    assert MeetingPlace.objects.filter(name__contains="Schülerhaus").count() == 1
    # Kept apart: different institutions close together or in one building.
    assert MeetingPlace.objects.filter(street__startswith="Obstallee 22").count() == 4
    assert MeetingPlace.objects.filter(street="Carl-Schurz-Straße 13").count() == 2  # library, youth project
    assert MeetingPlace.objects.filter(name__in=["Apostelamt Jesu Christi", "Miao Fa Zentrum"]).count() == 2
    assert MeetingPlace.objects.filter(street__in=["Wattstraße 13", "Wattstraße 14"]).count() == 2
    assert MeetingPlace.objects.filter(name__contains="St. Nikolai").count() == 2  # 69 m apart


def test_the_rule():
    _facilities, records = seeded_records()
    sites = group_sites(records)
    assert len(sites) == SITES and sum(len(site) for site in sites) == RECORDS
    by_name = {r.name: r for r in records}
    # Distance alone would join a church and a Buddhist centre 50 m apart.
    apostelamt, miao = by_name["Apostelamt Jesu Christi"], by_name["Miao Fa Zentrum"]
    assert apostelamt.distance(miao) == pytest.approx(50, abs=1) and not same_site(apostelamt, miao)
    assert distinctive_words("JFE SJC Wildwuchs", frozenset()) == {"wildwuchs"}
    assert distinctive_words("Stadtteilzentrum Siemensstadt", frozenset({"siemensstadt"})) == frozenset()


def test_rerun_is_idempotent_and_keeps_edits():
    ids = set(MeetingPlace.objects.values_list("pk", flat=True))
    place = place_at("Pulvermühlenweg 10")
    place.description = "Offene Tür für alle ab 10 Jahren."
    place.phone = "030 123"
    place.save()
    report = seed_meeting_places()
    assert (report.created, report.updated, report.unchanged) == (0, 0, SITES)
    assert (report.records, report.sites, report.duplicates, report.merged_entries) == (RECORDS, SITES, 11, 0)
    assert set(MeetingPlace.objects.values_list("pk", flat=True)) == ids
    place.refresh_from_db()
    assert place.description == "Offene Tür für alle ab 10 Jahren." and place.phone == "030 123"


def split(place):
    """The state before merging (as migration 0014 leaves an older import): one entry per record."""
    duplicates = []
    for facility in place.facilities.order_by("pk")[1:]:
        duplicate = MeetingPlace.objects.create(
            name=facility.name, slug=f"alt-{facility.pk}", place_type=place.place_type, street=facility.street,
            location=facility.geom, status=PublicationStatus.PUBLISHED, source=facility.source,
            website=facility.website, operator_name=facility.operator)
        MeetingPlaceFacility.objects.filter(facility=facility).update(meeting_place=duplicate)
        duplicates.append(duplicate)
    return duplicates


def test_existing_duplicates_are_merged_with_their_edits():
    place = place_at("Pulvermühlenweg 10")
    first, second = split(place)
    assert MeetingPlace.objects.count() == SITES + 2
    first.description = "Samstags 14–20 Uhr."
    first.website = "https://example.org/wochenende"  # an edit: not the source's value
    first.save()
    Room.objects.create(meeting_place=first, name="Saal", capacity=40)
    event = make_event(meeting_place=second)
    out = StringIO()
    call_command("seed_meeting_places", stdout=out)
    assert "62 Orten: 11 Duplikate zusammengeführt, 2 bestehende Einträge zusammengelegt" in out.getvalue()
    assert MeetingPlace.objects.count() == SITES
    assert not MeetingPlace.objects.filter(pk__in=[first.pk, second.pk]).exists()
    place.refresh_from_db()
    assert len(record_names(place)) == 3
    assert place.description == "Samstags 14–20 Uhr."
    assert place.website == "https://example.org/wochenende"  # the seeded one was not edited
    assert list(place.rooms.values_list("name", flat=True)) == ["Saal"]
    event.refresh_from_db()
    assert event.meeting_place == place


def test_different_edits_on_both_keep_both_entries():
    place = place_at("Parnemannweg 22")
    (other,) = split(place)
    place.phone, other.phone = "030 1", "030 2"
    place.save()
    other.save()
    out = StringIO()
    call_command("seed_meeting_places", stdout=out)
    assert "Nicht zusammengelegt, beide von Hand bearbeitet (phone)" in out.getvalue() and other.slug in out.getvalue()
    assert MeetingPlace.objects.filter(pk__in=[place.pk, other.pk]).count() == 2
    other.phone = ""
    other.save()
    assert seed_meeting_places().merged_entries == 1
    place.refresh_from_db()
    assert place.phone == "030 1" and len(record_names(place)) == 2


def test_a_point_set_by_hand_stays():
    place = place_at("Westerwaldstraße 13")
    place.location = place.location.clone()
    place.location.x += 0.0005
    place.location_set_manually = True
    place.save()
    seed_meeting_places()
    place.refresh_from_db()
    assert place.location_set_manually and place.location.x == pytest.approx(place.facilities.first().geom.x + 0.0005)


def test_detail_page_and_api_name_every_source(client):
    place = MeetingPlace.objects.get(name="Jugendzentrum STEIG")
    html = client.get(f"/treffpunkte/{place.slug}/").content.decode()
    assert "Quellen" in html and "In den Quellen als" in html
    for facility in place.facilities.select_related("source"):
        assert facility.source.attribution.replace("&", "&amp;") in html
        assert facility.name in html
    properties = get_json(client, f"/api/meeting-places/{place.slug}/")["properties"]
    assert {source["key"] for source in properties["sources"]} == {"jugendfreizeiteinrichtungen-2022-12",
                                                                   "osm-poi-2025-09"}
    assert properties["sources"][0]["key"] == properties["source"]["key"]
    assert len(properties["source_records"]) == 3
    # Found under the names of its records too.
    found = get_json(client, "/api/meeting-places/?q=Medienkompetenzzentrum")
    assert [f["properties"]["slug"] for f in found["features"]] == [place.slug]


def test_admin_shows_the_records_of_a_place(client):
    client.force_login(make_user("koordination-seeding", role=COORDINATORS))
    place = place_at("Pulvermühlenweg 10")
    html = client.get(reverse("admin:atlas_meetingplace_change", args=[place.pk])).content.decode()
    assert "In den Quellen als" in html
    for name in record_names(place):
        assert name in html
