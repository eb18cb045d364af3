"""The iCalendar feed /events.ics and the per-event .ics files, read back with icalendar.

Runs on SpatiaLite and PostGIS."""

import datetime

import pytest
from icalendar import Calendar

from atlas.directory.models import PublicationStatus
from atlas.events.queries import FEED_PAST_DAYS
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.events.factories import berlin, in_days, make_event

pytestmark = pytest.mark.django_db


def calendar(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content), response


def uids(cal):
    return {str(component["UID"]) for component in cal.walk("VEVENT")}


def uid(event):
    return f"{event.slug}@migraktiv-atlas"


def test_feed_holds_published_upcoming_and_recent_events_only(client):
    upcoming = make_event(title="Kommend")
    recent = make_event(title="Gerade vorbei", start=in_days(-(FEED_PAST_DAYS - 5)),
                        end=in_days(-(FEED_PAST_DAYS - 5), 12))
    make_event(title="Lange her", start=in_days(-(FEED_PAST_DAYS + 5)), end=in_days(-(FEED_PAST_DAYS + 5), 12))
    for status in (PublicationStatus.DRAFT, PublicationStatus.PENDING, PublicationStatus.ARCHIVED):
        make_event(title=f"Nicht öffentlich {status}", status=status)
    cal, response = calendar(client, "/events.ics")
    assert cal["VERSION"] == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "MigrAktiv Atlas Spandau – Veranstaltungen"
    assert uids(cal) == {uid(upcoming), uid(recent)}
    assert "inline" in response["Content-Disposition"]


def test_vevent_fields(client):
    place = make_meeting_place(name="Stadtteilzentrum Test", street="Am Markt 1", postcode="13597")
    organisation = make_organisation(name="Verein für Vielfalt")
    event = make_event(title="Fördermittel beantragen", description="Wie man einen Antrag schreibt.",
                       meeting_place=place, organiser=organisation, start=berlin(2031, 3, 13, 10),
                       end=berlin(2031, 3, 13, 13), topics=["fundraising"],
                       registration_url="https://example.org/anmeldung")
    cal, _ = calendar(client, "/events.ics")
    vevent, = cal.walk("VEVENT")
    assert str(vevent["UID"]) == uid(event)
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert start == event.start and end == event.end
    assert start.utcoffset() == datetime.timedelta(0)  # written in UTC
    assert start == datetime.datetime(2031, 3, 13, 9, tzinfo=datetime.UTC)  # 10:00 CET
    assert str(vevent["SUMMARY"]) == "Fördermittel beantragen"
    assert str(vevent["LOCATION"]) == "Stadtteilzentrum Test, Am Markt 1, 13597 Berlin"
    assert str(vevent["URL"]) == f"http://testserver/veranstaltungen/{event.slug}/"
    description = str(vevent["DESCRIPTION"])
    assert "Wie man einen Antrag schreibt." in description and "Verein für Vielfalt" in description
    assert "https://example.org/anmeldung" in description
    assert vevent.decoded("LAST-MODIFIED") == event.updated.replace(microsecond=0)
    assert "DTSTAMP" in vevent
    assert [str(category) for category in vevent["CATEGORIES"].cats] == ["Fördermittel und Fundraising"]


def test_uid_is_stable_across_changes(client):
    event = make_event(title="Erster Titel")
    first, _ = calendar(client, "/events.ics")
    event.title = "Neuer Titel"
    event.save()
    second, _ = calendar(client, "/events.ics")
    assert uids(first) == uids(second) == {uid(event)}


def test_summer_time_is_converted_correctly(client):
    make_event(start=berlin(2031, 7, 1, 18), end=berlin(2031, 7, 1, 20))
    vevent, = calendar(client, "/events.ics")[0].walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime.datetime(2031, 7, 1, 16, tzinfo=datetime.UTC)  # CEST


def test_feed_filters_by_topic_language_and_organisation(client):
    organisation = make_organisation(name="Elternverein")
    fundraising_tr = make_event(topics=["fundraising"], languages=["tr"], organiser=organisation)
    fundraising_ar = make_event(topics=["fundraising", "networking"], languages=["ar"])
    law_tr = make_event(topics=["law"], languages=["tr"])
    make_event(topics=["fundraising"], languages=["tr"], status=PublicationStatus.DRAFT)
    cal, _ = calendar(client, "/events.ics?topic=fundraising")
    assert uids(cal) == {uid(fundraising_tr), uid(fundraising_ar)}
    assert "Fördermittel und Fundraising" in str(cal["X-WR-CALNAME"])
    assert uids(calendar(client, "/events.ics?language=tr")[0]) == {uid(fundraising_tr), uid(law_tr)}
    assert uids(calendar(client, "/events.ics?topic=fundraising&language=tr")[0]) == {uid(fundraising_tr)}
    assert uids(calendar(client, "/events.ics?topic=law,networking")[0]) == {uid(law_tr), uid(fundraising_ar)}
    assert uids(calendar(client, f"/events.ics?organisation={organisation.slug}")[0]) == {uid(fundraising_tr)}
    assert uids(calendar(client, "/events.ics?topic=health")[0]) == set()


def test_feed_refuses_unknown_filter_values(client):
    for query in ("topic=gibt-es-nicht", "language=xx", "organisation=niemand"):
        response = client.get(f"/events.ics?{query}")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
    draft = make_organisation(status=PublicationStatus.DRAFT)
    assert client.get(f"/events.ics?organisation={draft.slug}").status_code == 400


def test_empty_feed_is_a_valid_calendar(client):
    cal, _ = calendar(client, "/events.ics")
    assert cal.walk("VEVENT") == []
    assert str(cal["PRODID"])


def test_per_event_file(client):
    event = make_event(title="Workshop zum Mitnehmen", is_sample=True)
    make_event(title="Ein anderer")
    cal, response = calendar(client, f"/veranstaltungen/{event.slug}/kalender.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    vevent, = cal.walk("VEVENT")
    assert str(vevent["UID"]) == uid(event)
    assert "Beispiel/Sample" in str(vevent["SUMMARY"])
    assert vevent.decoded("GEO") is not None


def test_per_event_file_of_unpublished_event_is_404(client):
    event = make_event(status=PublicationStatus.DRAFT)
    assert client.get(f"/veranstaltungen/{event.slug}/kalender.ics").status_code == 404


def test_user_text_with_calendar_syntax_stays_inside_its_property(client):
    make_event(title="Titel\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Eingeschleust", description="a;b,c\\d")
    cal, _ = calendar(client, "/events.ics")
    vevent, = cal.walk("VEVENT")
    assert "Eingeschleust" in str(vevent["SUMMARY"])
    assert str(vevent["DESCRIPTION"]).startswith("a;b,c\\d")
