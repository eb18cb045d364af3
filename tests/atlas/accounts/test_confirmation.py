"""E-mail confirmation: proposals sent with an address belong to an account only once the account
has proven it receives mail at that address (atlas.accounts.confirmation)."""

import json
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.urls import reverse

from atlas.moderation.models import Submission
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def proposal():
    """A proposal by Olga, who has no account, with her address, name and the coordinators' reason."""
    return Submission.objects.create(
        kind=Submission.Kind.CORRECTION, payload={"fields": {}, "message": "Olgas vertrauliche Nachricht"},
        submitter_name="Olga Opfer", submitter_email="olga@example.org", sender_hash="x" * 64,
        reason="Begründung nur für Olga")


def confirmation_link(message):
    return re.search(r"https?://[^/]+(/konto/bestaetigen/\S+/)", message.body).group(1)


def exported(client):
    response = client.get(reverse("account-data"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_sign_up_with_someone_elses_address_reveals_nothing(client, proposal):
    response = client.post(reverse("signup"), {
        "email": "olga@example.org", "password1": PASSWORD, "password2": PASSWORD, "privacy": "on"})
    assert response.status_code == 302
    # Not logged in, and the account cannot log in before the link sent to Olga is followed.
    assert client.get(reverse("account-data")).status_code == 302
    response = client.post(reverse("login"), {"username": "olga@example.org", "password": PASSWORD})
    assert response.status_code == 200 and client.get(reverse("account-data")).status_code == 302
    account = User.objects.get(email="olga@example.org")
    assert not account.is_active
    # Only Olga's mailbox has the link; the squatter's account stays locked.
    assert [message.to for message in mail.outbox] == [["olga@example.org"]]


def test_active_account_sees_proposals_only_after_confirming(client, proposal):
    """An account a coordinator created in the admin (active, address not confirmed)."""
    user = make_user("olga-konto", email="Olga@example.org")
    client.force_login(user)
    data = exported(client)
    assert data["submissions"] == [] and data["account"]["email_confirmed"] is None
    assert "vertrauliche" not in json.dumps(data)
    assert "nicht bestätigt" in client.get(reverse("account")).content.decode()

    response = client.post(reverse("email-confirm-send"))
    assert response.status_code == 302 and response["Location"] == reverse("account")
    [message] = mail.outbox
    assert message.to == ["Olga@example.org"]
    link = confirmation_link(message)
    assert client.post(link, {"password": "falsch"}).status_code == 200
    assert exported(client)["submissions"] == []
    assert client.post(link, {"password": PASSWORD}).status_code == 302
    data = exported(client)
    assert [s["payload"]["message"] for s in data["submissions"]] == ["Olgas vertrauliche Nachricht"]
    assert data["submissions"][0]["reason"] == "Begründung nur für Olga"
    # Following the link again is harmless: the address is already confirmed.
    response = client.get(link)
    assert response.status_code == 200 and response.context["already_confirmed"]
    assert client.post(link, {"password": PASSWORD}).status_code == 302


def test_expired_and_tampered_links_are_refused(client, proposal, monkeypatch, settings):
    user = make_user("olga-konto", email="olga@example.org")
    client.force_login(user)
    days = settings.ATLAS_EMAIL_CONFIRMATION_DAYS
    issued = int(time.time()) - days * 86400 - 60
    with monkeypatch.context() as patched:
        patched.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(issued))
        client.post(reverse("email-confirm-send"))
    expired = confirmation_link(mail.outbox[-1])
    response = client.get(expired)
    assert response.status_code == 400 and response.context["problem"] == "expired"
    assert client.post(expired, {"password": PASSWORD}).status_code == 400

    client.post(reverse("email-confirm-send"))
    fresh = confirmation_link(mail.outbox[-1])
    token = fresh.rstrip("/").rsplit("/", 1)[1]
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(json.dumps([user.pk + 1, "mallory@example.org"]).encode()).decode()
    for tampered in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), f"{forged}:{rest}", "kaputt"):
        response = client.post(reverse("email-confirm", args=[tampered]), {"password": PASSWORD})
        assert response.status_code == 400 and response.context["problem"] == "invalid"
    assert exported(client)["submissions"] == []
    assert client.post(fresh, {"password": PASSWORD}).status_code == 302
    assert len(exported(client)["submissions"]) == 1


def test_changed_address_must_be_confirmed_again(client, proposal):
    user = make_user("olga-konto", email="olga@example.org")
    client.force_login(user)
    client.post(reverse("email-confirm-send"))
    link = confirmation_link(mail.outbox[-1])
    client.post(link, {"password": PASSWORD})
    assert len(exported(client)["submissions"]) == 1
    # A coordinator changes the address in the admin: nothing matches until the new one is confirmed.
    Submission.objects.create(kind=Submission.Kind.CORRECTION, payload={"fields": {}, "message": "Neu"},
                              submitter_email="neu@example.org", sender_hash="y" * 64)
    User.objects.filter(pk=user.pk).update(email="neu@example.org")
    data = exported(client)
    assert data["submissions"] == [] and data["account"]["email_confirmed"] is None
    # The old link names the old address: it confirms nothing now.
    response = client.post(link, {"password": PASSWORD})
    assert response.status_code == 400 and exported(client)["submissions"] == []
    client.post(reverse("email-confirm-send"))
    client.post(confirmation_link(mail.outbox[-1]), {"password": PASSWORD})
    assert [s["payload"]["message"] for s in exported(client)["submissions"]] == ["Neu"]


def test_password_reset_link_confirms_the_address(client, proposal):
    make_user("olga-konto", email="olga@example.org")
    client.post(reverse("password_reset"), {"email": "olga@example.org"})
    link = re.search(r"https?://[^/]+(/konto/passwort-neu/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    client.post(form_url, {"new_password1": "Ganz-neues-Passwort-77", "new_password2": "Ganz-neues-Passwort-77"})
    client.post(reverse("login"), {"username": "olga@example.org", "password": "Ganz-neues-Passwort-77"})
    assert len(exported(client)["submissions"]) == 1


def test_confirmation_needs_the_password_of_the_account(client, proposal):
    """A squatter's link reaches the owner of the address; following it (or a mail scanner fetching
    it) must not activate the squatter's account: that needs the password the squatter chose."""
    client.post(reverse("signup"), {
        "email": "olga@example.org", "password1": PASSWORD, "password2": PASSWORD, "privacy": "on"})
    link = confirmation_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    assert client.post(link, {"password": "Olgas-eigenes-Passwort-1"}).status_code == 200
    assert not User.objects.get(email="olga@example.org").is_active
    # Olga signs up herself: a second, separate account, which she confirms with her own password.
    client.post(reverse("signup"), {"email": "olga@example.org", "password1": "Olgas-eigenes-Passwort-1",
                                    "password2": "Olgas-eigenes-Passwort-1", "privacy": "on"})
    own = confirmation_link(mail.outbox[1])
    assert client.post(own, {"password": "Olgas-eigenes-Passwort-1"}).status_code == 302
    assert len(exported(client)["submissions"]) == 1
    client.logout()
    assert client.post(reverse("login"), {"username": "olga@example.org", "password": PASSWORD}).status_code == 200
    # Her account is now the one of the address: another sign-up only gets a note.
    client.post(reverse("signup"), {
        "email": "olga@example.org", "password1": PASSWORD, "password2": PASSWORD, "privacy": "on"})
    assert User.objects.filter(email__iexact="olga@example.org").count() == 2
    assert "/konto/bestaetigen/" not in mail.outbox[2].body


def test_deactivated_account_is_not_reactivated_by_a_link(client):
    user = make_user("gesperrt", email="gesperrt@example.org")
    client.force_login(user)
    client.post(reverse("email-confirm-send"))
    link = confirmation_link(mail.outbox[-1])
    User.objects.filter(pk=user.pk).update(is_active=False)
    client.post(link, {"password": PASSWORD})
    assert not User.objects.get(pk=user.pk).is_active
    assert client.get(reverse("account")).status_code == 302


def test_login_records_by_address_are_exported(client):
    user = make_user("lotte", email="lotte@example.org")
    client.post(reverse("login"), {"username": "LOTTE@example.org", "password": "falsch"})
    client.post(reverse("login"), {"username": "lotte@example.org", "password": PASSWORD})
    data = exported(client)
    assert data["account"]["username"] == user.username and len(data["logins"]) == 1
