"""Events: the model's rules, and the public pages (upcoming list, archive, month calendar, detail).

Runs on SpatiaLite and PostGIS."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from atlas.directory.models import PublicationStatus
from atlas.events.models import Event, Topic
from atlas.events.queries import month_weeks
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.events.factories import berlin, in_days, make_event

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>"
ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


# --- model ----------------------------------------------------------------------------------------

def test_topics_are_seeded():
    make_event(topics=["fundraising"])  # ensures the topics after a flush by other tests
    assert list(Topic.objects.values_list("key", flat=True)[:3]) == ["project-management", "fundraising", "advocacy"]
    assert Topic.objects.get(key="law").name == "Recht und Aufenthalt"
    assert Topic.objects.count() >= 10


def test_end_before_start_is_a_validation_error():
    event = Event(title="Rückwärts", slug="rueckwaerts", start=in_days(2, 12), end=in_days(2, 10))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict
    assert "Das Ende darf nicht vor dem Beginn liegen." in error.value.message_dict["end"]


def test_end_before_start_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(start=in_days(2, 12), end=in_days(2, 10))


def test_meeting_place_or_own_address_not_both():
    place = make_meeting_place()
    event = Event(title="Beides", slug="beides", start=in_days(1), end=in_days(1, 12), meeting_place=place,
                  street="Irgendwo 1")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "meeting_place" in error.value.message_dict


def test_reserved_slug_is_refused():
    event = Event(title="Archiv", slug="archiv", start=in_days(1), end=in_days(1, 12))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "slug" in error.value.message_dict


def test_upcoming_and_past_are_derived_from_the_end():
    past = make_event(title="Vorbei", start=in_days(-3), end=in_days(-3, 12))
    running = make_event(title="Läuft", start=timezone.now() - datetime.timedelta(hours=1),
                         end=timezone.now() + datetime.timedelta(hours=1))
    future = make_event(title="Kommt", start=in_days(5))
    assert list(Event.objects.upcoming()) == [running, future]
    assert list(Event.objects.past()) == [past]
    assert past.is_past and not running.is_past


def test_event_at_meeting_place_takes_its_location_and_does_not_need_one():
    place = make_meeting_place(name="Stadtteilzentrum Test", street="Am Markt 1", postcode="13597")
    event = make_event(meeting_place=place)
    assert event.location is None and not event.needs_location
    assert event.point == place.location
    assert event.location_text == "Stadtteilzentrum Test, Am Markt 1, 13597 Berlin"


# --- list and archive -----------------------------------------------------------------------------

def test_list_shows_upcoming_published_events_only(client):
    make_event(title="Kommender Workshop", kind=Event.Kind.WORKSHOP)
    make_event(title="Vergangenes Treffen", start=in_days(-10), end=in_days(-10, 12))
    make_event(title="Entwurf einer Schulung", status=PublicationStatus.DRAFT)
    html = page(client, "/veranstaltungen/")
    assert "Kommender Workshop" in html
    assert "Vergangenes Treffen" not in html
    assert "Entwurf einer Schulung" not in html
    assert "/events.ics" in html


def test_archive_shows_past_events_only(client):
    make_event(title="Kommender Workshop")
    make_event(title="Vergangenes Treffen", start=in_days(-10), end=in_days(-10, 12))
    make_event(title="Entwurf von früher", start=in_days(-10), end=in_days(-10, 12), status=PublicationStatus.DRAFT)
    html = page(client, "/veranstaltungen/archiv/")
    assert "Vergangenes Treffen" in html
    assert "Kommender Workshop" not in html
    assert "Entwurf von früher" not in html


def test_list_filters_by_topic_and_language(client):
    make_event(title="Fundraising auf Türkisch", topics=["fundraising"], languages=["tr"])
    make_event(title="Fundraising auf Arabisch", topics=["fundraising"], languages=["ar"])
    make_event(title="Recht auf Türkisch", topics=["law"], languages=["tr"])
    html = page(client, "/veranstaltungen/?topic=fundraising")
    assert "Fundraising auf Türkisch" in html and "Fundraising auf Arabisch" in html
    assert "Recht auf Türkisch" not in html
    html = page(client, "/veranstaltungen/?topic=fundraising&language=tr")
    assert "Fundraising auf Türkisch" in html
    assert "Fundraising auf Arabisch" not in html and "Recht auf Türkisch" not in html
    # The feed link keeps the filters.
    assert "/events.ics?topic=fundraising&amp;language=tr" in html


@pytest.mark.parametrize("path", ["/veranstaltungen/", "/veranstaltungen/archiv/", "month"])
def test_calendar_is_subscribed_not_downloaded(client, path):
    """A webcal:// link subscribes calendar apps to the feed with the page's filters; the https address
    stands ready to copy (for Outlook or Google Calendar), with two lines of instructions."""
    if path == "month":
        today = timezone.localdate()
        path = f"/veranstaltungen/{today:%Y}/{today:%m}/"
    html = page(client, f"{path}?topic=fundraising&language=tr")
    assert 'href="webcal://testserver/events.ics?topic=fundraising&amp;language=tr"' in html
    field = re.search(r'<input[^>]*id="feed-address"[^>]*>', html).group(0)
    assert 'value="http://testserver/events.ics?topic=fundraising&amp;language=tr"' in field
    assert "readonly" in field and 'dir="ltr"' in field
    assert re.search(r'<label for="feed-address">', html)
    assert 'class="copy-feed"' in html and "atlas/js/events/copy-feed.js" in html
    assert "Outlook" in html and "Telefon" in html


def test_event_with_two_matching_topics_is_listed_once(client):
    make_event(title="Doppelt verschlagwortet", topics=["fundraising", "networking"])
    html = page(client, "/veranstaltungen/?topic=fundraising,networking")
    assert html.count(">Doppelt verschlagwortet<") == 1


def notice(html):
    """The text of the page's filter notice (role="alert"), or None."""
    found = re.search(r'role="alert"[^>]*>(.*?)</ul>', html, re.DOTALL)
    return re.sub(r"<[^>]+>", " ", found.group(1)) if found else None


@pytest.mark.parametrize("url", ["/veranstaltungen/", "/veranstaltungen/archiv/", "/veranstaltungen/{month}/"])
@pytest.mark.parametrize(("query", "parameter", "value", "law_only"), [
    ("topic=nonsense", "topic", "nonsense", False),
    ("language=xx&topic=law", "language", "xx", True),  # the other filter still applies
    ("topic=law,nonsense", "topic", "nonsense", False),  # a parameter is read whole, or not at all
    ("organisation=niemand", "organisation", "niemand", False),
])
def test_pages_name_an_unknown_filter_value_and_leave_that_filter_out(client, url, query, parameter, value,
                                                                       law_only):
    start = in_days(-3) if "archiv" in url else in_days(3)
    make_event(title="Recht auf Türkisch", topics=["law"], languages=["tr"], start=start, end=start)
    make_event(title="Geld auf Arabisch", topics=["fundraising"], languages=["ar"], start=start, end=start)
    local = timezone.localtime(start)
    html = page(client, url.format(month=f"{local.year:04d}/{local.month:02d}") + "?" + query)
    text = notice(html)
    assert text is not None and f"{parameter}: {value}" in text, text
    # The bad filter is left out, the good ones apply.
    assert "Recht auf Türkisch" in html
    assert ("Geld auf Arabisch" in html) != law_only


def test_page_notice_is_text_never_markup(client):
    html = page(client, "/veranstaltungen/?topic=%3Cb%20id%3Dx%3Eboom%3C/b%3E")
    assert "&lt;b id=x&gt;boom&lt;/b&gt;" in notice(html)
    assert "<b id=x>" not in html


def test_feed_answers_400_naming_the_unknown_value(client):
    response = client.get("/events.ics?topic=nonsense")
    assert response.status_code == 400 and response["Content-Type"].startswith("text/plain")
    assert "topic: nonsense" in response.content.decode()


def test_list_escapes_titles(client):
    make_event(title=XSS, description=XSS, organiser_name=XSS)
    html = page(client, "/veranstaltungen/")
    assert ESCAPED_XSS in html
    assert XSS not in html


def test_pages_have_no_inline_script_or_style(client):
    event = make_event()
    for url in ("/veranstaltungen/", "/veranstaltungen/archiv/", event.get_absolute_url(),
                "/veranstaltungen/2031/03/"):
        html = page(client, url)
        assert "<style" not in html and " style=" not in html
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "atlas/css/events-resources.css" in html


# --- month view -----------------------------------------------------------------------------------

def cell(html, day):
    match = re.search(rf'<td[^>]*data-date="{day}"[^>]*>(.*?)</td>', html, re.S)
    assert match, day
    return match.group(1)


def test_month_view_shows_event_on_its_day(client):
    make_event(title="Netzwerktreffen im März", kind=Event.Kind.MEETING,
               start=berlin(2031, 3, 13, 18), end=berlin(2031, 3, 13, 20))
    make_event(title="Treffen im April", start=berlin(2031, 4, 2, 18), end=berlin(2031, 4, 2, 20))
    html = page(client, "/veranstaltungen/2031/03/")
    assert "<caption>" in html and "März 2031" in html
    assert "Netzwerktreffen im März" in cell(html, "2031-03-13")
    assert "18:00" in cell(html, "2031-03-13")
    assert "Netzwerktreffen im März" not in cell(html, "2031-03-14")
    assert "Treffen im April" not in html
    # Previous and next month, keeping the filters.
    assert 'href="/veranstaltungen/2031/02/"' in html and 'href="/veranstaltungen/2031/04/"' in html
    html = page(client, "/veranstaltungen/2031/03/?topic=law")
    assert 'href="/veranstaltungen/2031/04/?topic=law"' in html


def test_month_view_near_midnight_uses_berlin_time(client):
    # 00:30 Berlin on 1 March is 23:30 UTC on 28 February: the event belongs to March.
    make_event(title="Mitternachtslesung", start=berlin(2031, 3, 1, 0, 30), end=berlin(2031, 3, 1, 2))
    assert "Mitternachtslesung" in cell(page(client, "/veranstaltungen/2031/03/"), "2031-03-01")
    assert "Mitternachtslesung" not in page(client, "/veranstaltungen/2031/02/")


def test_multi_day_event_appears_on_each_day():
    event = make_event(start=berlin(2031, 3, 30, 10), end=berlin(2031, 4, 2, 0, 0))
    weeks = month_weeks(2031, 3, [event])
    days = {day["date"].day: day["events"] for week in weeks for day in week if day["in_month"]}
    assert days[30] == [event] and days[31] == [event] and days[29] == []


def test_month_view_rejects_impossible_months(client):
    page(client, "/veranstaltungen/2031/13/", status=404)
    page(client, "/veranstaltungen/1800/01/", status=404)


def test_month_view_escapes_titles(client):
    make_event(title=XSS, start=berlin(2031, 3, 13, 18), end=berlin(2031, 3, 13, 20))
    html = page(client, "/veranstaltungen/2031/03/")
    assert ESCAPED_XSS in html and XSS not in html


# --- detail ---------------------------------------------------------------------------------------

def test_detail_in_german_with_place_link_and_calendar_link(client):
    place = make_meeting_place(name="Nachbarschaftshaus Test", street="Am Markt 1", postcode="13597")
    organisation = make_organisation(name="Verein für Vielfalt")
    event = make_event(title="Fördermittel beantragen", kind=Event.Kind.WORKSHOP, meeting_place=place,
                       organiser=organisation, start=berlin(2027, 3, 13, 10), end=berlin(2027, 3, 13, 13),
                       topics=["fundraising"], languages=["tr", "de"], registration_url="https://example.org/anmeldung")
    html = page(client, event.get_absolute_url())
    assert "Samstag, 13. März 2027, 10:00–13:00 Uhr" in html
    assert f'href="{place.get_absolute_url()}">Nachbarschaftshaus Test</a>' in html
    assert "Am Markt 1, 13597 Berlin" in html
    assert f'href="{organisation.get_absolute_url()}">Verein für Vielfalt</a>' in html
    assert f'href="/veranstaltungen/{event.slug}/kalender.ics"' in html
    assert "Fördermittel und Fundraising" in html and "Türkçe" in html
    assert "Workshop" in html


def test_detail_of_multi_day_event(client):
    event = make_event(start=berlin(2027, 3, 13, 10), end=berlin(2027, 3, 14, 16))
    html = page(client, event.get_absolute_url())
    assert "Samstag, 13. März 2027, 10:00 Uhr bis Sonntag, 14. März 2027, 16:00 Uhr" in html


def test_detail_does_not_link_unpublished_place_or_organiser(client):
    place = make_meeting_place(name="Entwurfsort", status=PublicationStatus.DRAFT)
    organisation = make_organisation(name="Geheimer Verein", status=PublicationStatus.DRAFT)
    event = make_event(meeting_place=place, organiser=organisation, organiser_name="Netzwerk MigrAktiv")
    html = page(client, event.get_absolute_url())
    assert place.get_absolute_url() not in html
    assert "Geheimer Verein" not in html
    assert "Netzwerk MigrAktiv" in html


def test_detail_of_past_event_says_so(client):
    event = make_event(start=in_days(-10), end=in_days(-10, 12))
    assert "hat bereits stattgefunden" in page(client, event.get_absolute_url())


def test_detail_of_unpublished_event_is_404(client):
    event = make_event(status=PublicationStatus.PENDING)
    page(client, event.get_absolute_url(), status=404)
    page(client, "/veranstaltungen/gibt-es-nicht/", status=404)


def test_detail_escapes_user_text(client):
    event = make_event(title=XSS, description=XSS, organiser_name=XSS, street=XSS)
    html = page(client, event.get_absolute_url())
    assert ESCAPED_XSS in html
    assert XSS not in html


def test_sample_events_are_marked(client):
    event = make_event(title="Beispielworkshop", is_sample=True)
    assert "Beispiel/Sample" in page(client, "/veranstaltungen/")
    assert "Beispiel/Sample" in page(client, event.get_absolute_url())
