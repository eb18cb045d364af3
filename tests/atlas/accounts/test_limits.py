"""Sign-up and password reset answer alike whether or not an address has an account, and send at
most a few mails per address and per client (atlas.accounts.limits)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache.backends.base import BaseCache
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
User = get_user_model()


class BrokenCache(BaseCache):
    """A cache server that is down: every call fails."""

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache down")

    add = get = set = touch = delete = incr = clear = has_key = get_many = set_many = _fail


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ATLAS_ACCOUNT_MAILS_PER_ADDRESS = 3
    settings.ATLAS_ACCOUNT_MAILS_PER_CLIENT = 10


def sign_up(client, email, **extra):
    return client.post(reverse("signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD,
                                           "privacy": "on"}, **extra)


def answer(response):
    """What a visitor sees of a response: status, target and page (without the per-render CSRF token)."""
    return response.status_code, response.get("Location"), re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"',
                                                                  b"", response.content)


def test_sign_up_answers_alike_for_taken_and_new_addresses(client):
    make_user("vorhanden", email="da@example.org")
    taken = sign_up(client, "DA@example.org")
    new = sign_up(client, "frei@example.org")
    assert answer(taken) == answer(new) and taken.status_code == 302
    assert answer(client.get(taken["Location"])) == answer(client.get(new["Location"]))
    assert User.objects.filter(email__iexact="da@example.org").count() == 1
    note, link = mail.outbox
    assert note.to == ["DA@example.org"] and "/konto/bestaetigen/" not in note.body
    assert reverse("password_reset") in note.body
    assert link.to == ["frei@example.org"] and "/konto/bestaetigen/" in link.body


def test_sign_up_has_no_username_to_probe(client):
    make_user("vorhanden", email="da@example.org")
    form = client.get(reverse("signup")).context["form"]
    assert "username" not in form.fields
    sign_up(client, "neu@example.org")
    assert User.objects.get(email="neu@example.org").username not in ("", "vorhanden")


def test_sign_up_mails_are_limited(client):
    responses = {answer(sign_up(client, "viel@example.org")) for _ in range(6)}
    assert len(responses) == 1
    assert len(mail.outbox) == 3 and User.objects.filter(email="viel@example.org").count() == 3


def test_password_reset_mails_are_limited_per_address(client):
    make_user("carla", email="carla@example.org")
    known = [answer(client.post(reverse("password_reset"), {"email": "carla@example.org"})) for _ in range(15)]
    unknown = [answer(client.post(reverse("password_reset"), {"email": "niemand@example.org"}))
               for _ in range(15)]
    assert len(set(known + unknown)) == 1 and known[0][0] == 302
    assert len(mail.outbox) == 3 and {tuple(message.to) for message in mail.outbox} == {("carla@example.org",)}


def test_password_reset_mails_are_limited_per_client(client):
    for number in range(15):
        make_user(f"person{number}", email=f"person{number}@example.org")
    for number in range(15):
        client.post(reverse("password_reset"), {"email": f"person{number}@example.org"})
    assert len(mail.outbox) == 10
    # Another client still gets its mail.
    other = client.post(reverse("password_reset"), {"email": "person14@example.org"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302 and len(mail.outbox) == 11


def test_limits_answer_when_the_cache_is_down(client, settings):
    make_user("carla", email="carla@example.org")
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.BrokenCache"}}
    response = client.post(reverse("password_reset"), {"email": "carla@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    response = sign_up(client, "neu@example.org")
    assert response.status_code == 302 and response["Location"] == reverse("signup-done")
    # Without counters no mail goes out (and no account waits for a link that was never sent).
    assert mail.outbox == [] and not User.objects.filter(email="neu@example.org").exists()
