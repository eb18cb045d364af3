"""Subscribing with double opt-in, confirming, unsubscribing, and the protection of the form."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from atlas.moderation.models import UsedFormToken
from atlas.subscriptions import tokens
from atlas.subscriptions.digests import run_digests
from atlas.subscriptions.models import AreaSubscription
from tests.atlas.moderation.factories import started
from tests.atlas.subscriptions.factories import SPANDAU, make_subscription, subscription_data

pytestmark = pytest.mark.django_db

BASE_URL = "https://atlas.example.org"


@pytest.fixture(autouse=True)
def mail_and_limits(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ATLAS_MIN_FILL_SECONDS = 3
    settings.ATLAS_SUBSCRIBE_THROTTLE = "5/hour"
    settings.ATLAS_SUBSCRIPTION_MAILS_PER_ADDRESS = 3


def subscribe(client, **changes):
    return client.post(reverse("subscriptions:subscribe"), subscription_data(**changes))


def link_in(message, name):
    """The path of the link to the view `name` in the mail's text."""
    prefix = reverse(f"subscriptions:{name}", args=["TOKEN"]).split("TOKEN")[0]
    match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s/]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_form_has_csrf_honeypot_and_timestamp(client):
    body = client.get(reverse("subscriptions:subscribe")).content.decode()
    assert 'name="csrfmiddlewaretoken"' in body
    assert 'name="contact_url"' in body and 'name="started"' in body
    assert "Staaken" in body and "Kladow" in body  # the Ortsteile
    assert 'value="500"' in body and 'value="2000"' in body  # the radius choices


def test_post_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    assert subscribe(client).status_code == 403
    assert not AreaSubscription.objects.exists()


def test_subscribing_sends_only_a_confirmation_mail(client):
    response = subscribe(client)
    assert response.status_code == 302 and response.url == reverse("subscriptions:sent")
    subscription = AreaSubscription.objects.get()
    assert subscription.email == "nachbarin@example.org" and subscription.ortsteil.key == SPANDAU
    assert subscription.confirmed is None and subscription.language == "de"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nachbarin@example.org"]
    assert "bestätigen" in message.subject
    assert "Ortsteil Spandau" in message.body
    confirm = link_in(message, "confirm")
    assert confirm in message.alternatives[0][0]  # the HTML part links the same
    unsubscribe = link_in(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Nothing else goes out before the confirmation, however often the digests run.
    run_digests(BASE_URL, now=timezone.now() + timedelta(days=1))
    assert len(mail.outbox) == 1


def test_confirming_takes_a_button_not_just_the_link(client):
    subscribe(client)
    confirm = link_in(mail.outbox[0], "confirm")
    page = client.get(confirm)  # a mail scanner fetching the link confirms nothing
    assert page.status_code == 200 and "Ja, Abonnement bestätigen" in page.content.decode()
    assert AreaSubscription.objects.get().confirmed is None
    done = client.post(confirm)
    assert done.status_code == 200 and "Abonnement bestätigt" in done.content.decode()
    subscription = AreaSubscription.objects.get()
    assert subscription.confirmed is not None and subscription.news_since == subscription.confirmed
    client.post(confirm)  # twice: no change, no error
    assert AreaSubscription.objects.get().confirmed == subscription.confirmed


def test_same_subscription_confirmed_twice_is_kept_once(client):
    subscribe(client)
    subscribe(client, started=started(seconds_ago=20))
    for message in mail.outbox:
        client.post(link_in(message, "confirm"))
    assert AreaSubscription.objects.count() == 1


def test_address_with_radius_stores_a_rounded_point_not_the_address(client):
    response = subscribe(client, area="address", address="Heerstraße 400, 13593 Berlin", radius="500")
    assert response.status_code == 302, response.content.decode()
    subscription = AreaSubscription.objects.get()
    assert subscription.ortsteil is None and subscription.radius_m == 500
    lon, lat = subscription.centre.coords
    assert (round(lon, 3), round(lat, 3)) == (lon, lat)
    assert 13.1 < lon < 13.3 and 52.45 < lat < 52.6
    stored = " ".join(str(value) for value in AreaSubscription.objects.values().get().values())
    assert "Heerstraße" not in stored and "13593" not in stored
    assert "500 m" in mail.outbox[0].body


def test_address_not_found_or_not_given_is_a_field_error(client):
    response = subscribe(client, area="address", address="Nirgendwostraße 1, 99999 Irgendwo")
    assert response.status_code == 200
    assert "nicht gefunden" in response.content.decode()
    response = subscribe(client, area="address", address="", started=started(seconds_ago=20))
    assert "Bitte eine Adresse angeben." in response.content.decode()
    response = subscribe(client, area="ortsteil", ortsteil="", started=started(seconds_ago=30))
    assert "Bitte einen Ortsteil wählen." in response.content.decode()
    assert not AreaSubscription.objects.exists() and not mail.outbox


def test_topics_and_languages_are_stored(client):
    subscribe(client, categories=["counselling"], languages=[])
    assert list(AreaSubscription.objects.get().categories.values_list("key", flat=True)) == ["counselling"]


def test_honeypot_too_fast_and_reused_forms_are_refused(client):
    assert "konnte nicht angelegt" in subscribe(client, contact_url="http://spam.example").content.decode()
    assert "zu schnell" in subscribe(client, started=started(seconds_ago=1)).content.decode()
    token = started(seconds_ago=10)
    assert subscribe(client, started=token).status_code == 302
    assert UsedFormToken.objects.count() == 1
    assert "zu lange geöffnet" in subscribe(client, started=token, email="zweite@example.org").content.decode()
    assert AreaSubscription.objects.count() == 1


def test_too_fast_is_not_said_beside_field_errors(client):
    body = subscribe(client, email="keine-adresse", started=started(seconds_ago=1)).content.decode()
    assert "zu schnell" not in body and "gültige E-Mail" in body


def test_subscriptions_per_client_are_limited(client, settings):
    for number in range(5):
        assert subscribe(client, email=f"person{number}@example.org").status_code == 302
    response = subscribe(client, email="person6@example.org")
    assert response.status_code == 429
    assert "später noch einmal" in response.content.decode()
    assert AreaSubscription.objects.count() == 5
    # Another client is not affected.
    other = Client(REMOTE_ADDR="192.0.2.77")
    assert subscribe(other, email="person7@example.org").status_code == 302


def test_confirmation_mails_to_one_address_are_limited(client, settings):
    settings.ATLAS_SUBSCRIBE_THROTTLE = "100/hour"
    for _ in range(5):
        response = subscribe(client, email="Oft@Example.org")
        assert response.status_code == 302 and response.url == reverse("subscriptions:sent")
    assert len(mail.outbox) == 3 and AreaSubscription.objects.count() == 3


def test_mail_failure_keeps_nothing(client, settings):
    settings.EMAIL_BACKEND = "tests.atlas.subscriptions.test_subscribing.FailingBackend"
    response = subscribe(client)
    assert response.status_code == 503
    assert not AreaSubscription.objects.exists()


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def days_later(monkeypatch, days):
    """Signed links see the clock `days` later (django.core.signing reads time.time())."""
    now = time.time
    monkeypatch.setattr(signing.time, "time", lambda: now() + days * 86400)


def test_expired_confirmation_link_and_deletion_by_the_run(client, monkeypatch):
    subscribe(client)
    confirm = link_in(mail.outbox[0], "confirm")
    days_later(monkeypatch, 6)
    assert client.get(confirm).status_code == 200  # within the 7 days
    days_later(monkeypatch, 8)
    response = client.post(confirm)
    assert response.status_code == 410 and "abgelaufen" in response.content.decode()
    assert AreaSubscription.objects.get().confirmed is None
    run = run_digests(BASE_URL, now=timezone.now() + timedelta(days=6))
    assert run.expired_deleted == 0
    run = run_digests(BASE_URL, now=timezone.now() + timedelta(days=8))
    assert run.expired_deleted == 1
    assert not AreaSubscription.objects.exists()
    assert len(mail.outbox) == 1


def test_forged_links_are_refused(client):
    subscription = make_subscription()
    token = tokens.unsubscribe_token(subscription)
    assert client.get(reverse("subscriptions:unsubscribe", args=[token[:-2] + "xx"])).status_code == 404
    assert client.post(reverse("subscriptions:confirm", args=[token])).status_code == 404  # wrong salt
    assert AreaSubscription.objects.filter(pk=subscription.pk).exists()


def test_unsubscribe_shows_a_button_and_deletes_on_post(client):
    subscription = make_subscription()
    url = reverse("subscriptions:unsubscribe", args=[tokens.unsubscribe_token(subscription)])
    page = client.get(url)
    assert page.status_code == 200 and "Abbestellen und Angaben löschen" in page.content.decode()
    assert AreaSubscription.objects.filter(pk=subscription.pk).exists()
    response = client.post(url)
    assert response.status_code == 200 and "Das Abonnement ist gelöscht" in response.content.decode()
    assert not AreaSubscription.objects.exists()
    assert client.post(url).status_code == 200  # again: nothing left, no error


def test_one_click_unsubscribe_of_a_mail_program_needs_no_csrf_token():
    """RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to the link, without a cookie."""
    subscription = make_subscription()
    url = reverse("subscriptions:unsubscribe", args=[tokens.unsubscribe_token(subscription)])
    response = Client(enforce_csrf_checks=True).post(url, "List-Unsubscribe=One-Click",
                                                     content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not AreaSubscription.objects.exists()


def test_a_link_never_reaches_a_later_subscription_with_the_same_id(client):
    subscription = make_subscription()
    token = tokens.unsubscribe_token(subscription)
    AreaSubscription.objects.filter(pk=subscription.pk).update(created=subscription.created - timedelta(hours=1))
    client.post(reverse("subscriptions:unsubscribe", args=[token]))
    assert AreaSubscription.objects.filter(pk=subscription.pk).exists()


def test_subscribing_in_arabic_stores_arabic(client):
    client.cookies["django_language"] = "ar"
    subscribe(client)
    assert AreaSubscription.objects.get().language == "ar"
    assert mail.outbox[0].alternatives[0][0].count('dir="rtl"') == 1
