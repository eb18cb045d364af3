"""The digest run: news in the area only, nothing when nothing is new, at most weekly, what the public
may see, translated mails, and the command for cron."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from atlas.directory.models import Organisation, PublicationStatus
from atlas.subscriptions.digests import run_digests
from atlas.subscriptions.models import AreaSubscription, DigestRun
from atlas.subscriptions.news import MAX_PER_KIND
from geodata.models import PlanningArea
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.events.factories import in_days, make_event
from tests.atlas.subscriptions.factories import KLADOW, SPANDAU, make_subscription, subscription_data
from tests.factories import KLADOW as KLADOW_POINT
from tests.factories import RATHAUS_SPANDAU, SIEMENSSTADT, offset, point

pytestmark = pytest.mark.django_db

BASE_URL = "https://atlas.example.org"


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def run(days=0):
    """A run of the digests `days` from now."""
    return run_digests(BASE_URL, now=timezone.now() + timedelta(days=days, seconds=1))


def mails_to(subscription):
    return [message for message in mail.outbox if message.to == [subscription.email]]


def test_new_entry_in_the_area_is_mailed_once(settings):
    subscription = make_subscription(ortsteil=SPANDAU)
    elsewhere = make_subscription(ortsteil=KLADOW)
    make_organisation(name="Nachbarschaftsverein Altstadt", categories=["counselling"], consent_publish_address=True,
                      street="Carl-Schurz-Straße 2", postcode="13597")
    first = run()
    assert first.digests_sent == 1 and first.subscriptions_due == 2
    [message] = mails_to(subscription)
    assert not mails_to(elsewhere)  # nothing new in Kladow: no mail
    assert "1 neuer Eintrag" in message.subject
    assert "Nachbarschaftsverein Altstadt" in message.body and "Ortsteil Spandau" in message.body
    assert "Carl-Schurz-Straße 2, 13597 Berlin" in message.body
    assert f"{BASE_URL}/organisationen/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{BASE_URL}/neues-in-der-naehe/abbestellen/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0]
    assert html[1] == "text/html" and "Nachbarschaftsverein Altstadt" in html[0]
    # The same day and within the week nothing is sent again, even with more news.
    assert run().digests_sent == 0
    make_meeting_place(name="Neuer Treffpunkt Altstadt")
    assert run(days=3).digests_sent == 0
    assert run(days=6).digests_sent == 0
    second = run(days=7)
    assert second.digests_sent == 1
    latest = mails_to(subscription)[-1]
    assert "Neuer Treffpunkt Altstadt" in latest.body and "Nachbarschaftsverein Altstadt" not in latest.body


def test_nothing_new_means_no_mail():
    make_subscription()
    for day in (0, 7, 14):
        assert run(days=day).digests_sent == 0
    assert not mail.outbox
    assert DigestRun.objects.count() == 3


def test_entries_from_before_the_subscription_are_not_news():
    make_organisation(name="Alter Verein")
    run()  # the digests see it before anyone subscribed
    subscription = make_subscription(confirmed=timezone.now() + timedelta(days=1))
    make_organisation(name="Neuer Verein")
    run(days=2)
    [message] = mails_to(subscription)
    assert "Neuer Verein" in message.body and "Alter Verein" not in message.body


def test_entry_published_after_moderation_is_news_when_published():
    subscription = make_subscription()
    pending = make_organisation(name="Wartender Verein", status=PublicationStatus.PENDING)
    run()
    assert not mail.outbox  # not public: not news
    Organisation.objects.filter(pk=pending.pk).update(status=PublicationStatus.PUBLISHED)
    run(days=1)
    [message] = mails_to(subscription)
    assert "Wartender Verein" in message.body


def test_hidden_drafts_and_archived_entries_are_never_mailed():
    make_subscription()
    make_organisation(name="Entwurf", status=PublicationStatus.DRAFT)
    make_organisation(name="Archiviert", status=PublicationStatus.ARCHIVED)
    make_event(title="Entwurfsveranstaltung", status=PublicationStatus.DRAFT)
    assert run().digests_sent == 0


def test_radius_around_an_address():
    near = make_subscription(centre=RATHAUS_SPANDAU, radius_m=500)
    wide = make_subscription(centre=RATHAUS_SPANDAU, radius_m=2000)
    make_organisation(name="Verein 300 m", location=offset(RATHAUS_SPANDAU, 300, 0))
    make_organisation(name="Verein 1,2 km", location=offset(RATHAUS_SPANDAU, 0, 1200))
    make_organisation(name="Verein in Kladow", location=KLADOW_POINT)
    run()
    [near_mail] = mails_to(near)
    [wide_mail] = mails_to(wide)
    assert "Verein 300 m" in near_mail.body and "Verein 1,2 km" not in near_mail.body
    assert "Verein 300 m" in wide_mail.body and "Verein 1,2 km" in wide_mail.body
    assert "Kladow" not in near_mail.body + wide_mail.body
    assert "Umkreis von 500 m" in near_mail.body


def test_individual_without_address_consent_counts_at_its_planning_area_only():
    """The area is that of the public point (the planning area's), and the mail shows no address."""
    home = point(*offset(RATHAUS_SPANDAU, 100, 0))
    planning_area = PlanningArea.objects.get(geom__contains=home)
    subscription = make_subscription(ortsteil=planning_area.ortsteil.key)
    individual = make_organisation(name="Einzelperson", kind=Organisation.Kind.INDIVIDUAL,
                                   consent_publish_address=False, location=home, street="Geheimweg 7",
                                   postcode="13597")
    run()
    [message] = mails_to(subscription)
    assert "Einzelperson" in message.body
    assert f"Planungsraum {individual.planning_area.name}" in message.body
    assert "Geheimweg" not in message.body and "Geheimweg" not in message.alternatives[0][0]


def test_fields_of_activity_and_languages_narrow_organisations_and_events():
    subscription = make_subscription(categories=["language-courses"], languages=["ar"])
    make_organisation(name="Sprachschule Arabisch", categories=["language-courses"], languages=["ar"])
    make_organisation(name="Sportverein", categories=["sport"], languages=["ar"])
    make_organisation(name="Sprachschule Türkisch", categories=["language-courses"], languages=["tr"])
    make_meeting_place(name="Treffpunkt ohne Sprachen")
    make_event(title="Abend auf Arabisch", languages=["ar"])
    make_event(title="Abend auf Türkisch", languages=["tr"])
    run()
    body = mails_to(subscription)[0].body
    assert "Sprachschule Arabisch" in body and "Abend auf Arabisch" in body
    assert "Treffpunkt ohne Sprachen" in body  # meeting places always come along
    assert "Sportverein" not in body and "Sprachschule Türkisch" not in body and "Abend auf Türkisch" not in body


def test_upcoming_events_in_the_area_at_their_meeting_place_or_address():
    subscription = make_subscription(ortsteil=SPANDAU)
    place = make_meeting_place(name="Saal am Markt")
    run()  # the meeting place is news of this run
    mail.outbox.clear()
    make_event(title="Fest im Saal", meeting_place=place, start=in_days(10))
    make_event(title="Vortrag am Rathaus", start=in_days(11))
    make_event(title="Fest in Siemensstadt", location=SIEMENSSTADT, start=in_days(10))
    make_event(title="Schon vorbei", start=in_days(-3))
    run(days=7)
    body = mails_to(subscription)[0].body
    assert "Fest im Saal" in body and "Vortrag am Rathaus" in body
    assert "Fest in Siemensstadt" not in body and "Schon vorbei" not in body
    assert "Saal am Markt" in body  # the event's place


def test_names_from_data_are_escaped_in_the_html_part():
    subscription = make_subscription()
    make_organisation(name='<script>alert("x")</script> & Co')
    run()
    html = mails_to(subscription)[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; Co" in html
    assert '<script>alert("x")</script> & Co' in mails_to(subscription)[0].body  # plain text as typed


def test_many_entries_are_cut_with_a_count_of_the_rest():
    subscription = make_subscription()
    for number in range(MAX_PER_KIND + 3):
        make_meeting_place(name=f"Ort {number:02d}")
    run()
    body = mails_to(subscription)[0].body
    assert body.count("/treffpunkte/") == MAX_PER_KIND
    assert "und 3 weitere auf der Karte" in body


def test_a_failed_mail_is_tried_again_at_the_next_run(settings):
    subscription = make_subscription()
    make_organisation(name="Verein")
    settings.EMAIL_BACKEND = "tests.atlas.subscriptions.test_subscribing.FailingBackend"
    assert run().digests_sent == 0
    assert AreaSubscription.objects.get(pk=subscription.pk).last_digest is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert run(days=1).digests_sent == 1
    assert "Verein" in mails_to(subscription)[0].body


def test_digest_in_arabic():
    """Needs the Arabic catalogue with this feature's strings (i18n-pending/subscribe.json)."""
    subscription = make_subscription(language="ar")
    make_organisation(name="جمعية الجيران", categories=["counselling"])
    run()
    message = mails_to(subscription)[0]
    html = message.alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html
    assert "جمعية الجيران" in message.body
    assert "الاستشارات" in message.body  # the field of activity in Arabic
    assert "إلغاء الاشتراك" in message.body  # "unsubscribe"
    assert "جديد بالقرب منك" in message.subject


def test_confirmation_mail_and_digest_as_mail_files(client, settings, tmp_path):
    """The issue's done-when: an area subscription gets a confirmation mail and then a digest, written by
    the mail file backend; the command run a second time the same day writes nothing more."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    settings.ATLAS_MIN_FILL_SECONDS = 0

    def mail_files(but=()):
        return "".join(path.read_text() for path in tmp_path.glob("*.log") if path not in but)

    response = client.post(reverse("subscriptions:subscribe"), subscription_data(email="datei@example.org"))
    assert response.status_code == 302
    confirmation = mail_files()
    confirmation_files = set(tmp_path.glob("*.log"))
    assert "To: datei@example.org" in confirmation
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in confirmation
    confirm = re.search(r"http://testserver(/neues-in-der-naehe/bestaetigen/\S+/)", confirmation).group(1)
    client.post(confirm)
    make_organisation(name="Verein aus der Datei")
    call_command("send_area_digests", "--base-url", BASE_URL, stdout=io.StringIO())
    digest = mail_files(but=confirmation_files)
    assert "To: datei@example.org" in digest and "Verein aus der Datei" in digest
    assert f"List-Unsubscribe: \n <{BASE_URL}/neues-in-der-naehe/abbestellen/" in digest
    call_command("send_area_digests", "--base-url", BASE_URL, stdout=io.StringIO())
    assert mail_files(but=confirmation_files) == digest


def test_command_needs_a_site_address(settings):
    settings.ATLAS_SITE_URL = ""
    with pytest.raises(Exception, match="base-url"):
        call_command("send_area_digests")
