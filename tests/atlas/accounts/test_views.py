"""Accounts: sign-up, login with django-axes' lockout, password reset, the account page, the data
download and account deletion."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from atlas.accounts.confirmation import confirm_address
from atlas.directory.models import Organisation
from atlas.moderation.models import Submission, VerificationReminder
from atlas.roles.models import OrganisationEditor
from tests.atlas.directory.factories import make_organisation
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def confirmation_link(message):
    return re.search(r"https?://[^/]+(/konto/bestaetigen/\S+/)", message.body).group(1)


def test_sign_up_confirms_the_address_before_the_first_login(client):
    response = client.post(reverse("signup"), {
        "email": "neu@example.org", "password1": PASSWORD, "password2": PASSWORD, "privacy": "on"})
    assert response.status_code == 302 and response["Location"] == reverse("signup-done")
    user = User.objects.get(email="neu@example.org")
    assert not user.is_active and not user.is_staff
    assert client.post(reverse("login"), {"username": "neu@example.org", "password": PASSWORD}).status_code == 200
    [message] = mail.outbox
    assert message.to == ["neu@example.org"]
    link = confirmation_link(message)
    assert client.get(link).status_code == 200
    response = client.post(link, {"password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("account")
    page = client.get(reverse("account")).content.decode()
    assert "neu@example.org" in page and User.objects.get(pk=user.pk).is_active
    # From now on the address (in any case) or the generated username log in.
    client.logout()
    assert client.post(reverse("login"), {"username": "Neu@Example.org", "password": PASSWORD}).status_code == 302
    client.logout()
    assert client.post(reverse("login"), {"username": user.username, "password": PASSWORD}).status_code == 302


def test_sign_up_needs_privacy_consent(client):
    response = client.post(reverse("signup"), {
        "email": "zweite@example.org", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["privacy"]
    assert not User.objects.filter(email="zweite@example.org").exists() and mail.outbox == []


def test_login_and_logout(client):
    make_user("anna")
    response = client.post(reverse("login"), {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("account")  # her work page
    assert client.get(reverse("account")).status_code == 200
    header = client.get(reverse("atlas:directory")).content.decode()
    assert "Mein Konto" in header and "Abmelden" in header
    client.post(reverse("logout"))
    assert client.get(reverse("account")).status_code == 302


def test_login_locked_after_five_failures(client):
    make_user("berta")
    for _ in range(4):
        response = client.post(reverse("login"), {"username": "berta", "password": "falsch"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "berta", "password": "falsch"})
    assert response.status_code == 429
    # Locked out: even the right password is refused now.
    response = client.post(reverse("login"), {"username": "berta", "password": PASSWORD})
    assert response.status_code == 429
    assert "vorübergehend gesperrt" in response.content.decode()
    assert client.get(reverse("account")).status_code == 302


def test_login_by_address_shares_the_lockout_of_the_username(client):
    make_user("berit", email="berit@example.org")
    for variant in ("berit@example.org", "Berit@example.org", "BERIT@example.org", "berit@EXAMPLE.org"):
        assert client.post(reverse("login"), {"username": variant, "password": "falsch"}).status_code == 200
    # The fifth failure, by username, locks the account for every spelling of its address too.
    assert client.post(reverse("login"), {"username": "berit", "password": "falsch"}).status_code == 429
    response = client.post(reverse("login"), {"username": "bErit@example.org", "password": PASSWORD})
    assert response.status_code == 429


def test_password_reset_by_mail(client):
    make_user("carla", email="carla@example.org")
    response = client.post(reverse("password_reset"), {"email": "carla@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["carla@example.org"]
    link = re.search(r"https?://[^/]+(/konto/passwort-neu/\S+/)", message.body).group(1)
    form_url = client.get(link).url  # Django moves the token into the session
    response = client.post(form_url, {"new_password1": "Ganz-neues-Passwort-77", "new_password2":
                                      "Ganz-neues-Passwort-77"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_complete")
    assert User.objects.get(username="carla").check_password("Ganz-neues-Passwort-77")
    response = client.post(reverse("login"), {"username": "carla", "password": "Ganz-neues-Passwort-77"})
    assert response.status_code == 302
    # The link works once only.
    assert client.get(link).status_code == 200 and client.get(link).context["validlink"] is False


def test_password_reset_lifts_the_accounts_lockout(client):
    make_user("doris", email="doris@example.org")
    for typed in ("doris", "doris", "Doris@example.org", "doris", "doris"):
        client.post(reverse("login"), {"username": typed, "password": "falsch"})
    assert client.post(reverse("login"), {"username": "doris", "password": PASSWORD}).status_code == 429
    client.post(reverse("password_reset"), {"email": "doris@example.org"})
    link = re.search(r"https?://[^/]+(/konto/passwort-neu/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    client.post(form_url, {"new_password1": "Ganz-neues-Passwort-77", "new_password2": "Ganz-neues-Passwort-77"})
    # The mailbox's owner chose the new password: it logs in at once, by name or by address.
    response = client.post(reverse("login"), {"username": "doris", "password": "Ganz-neues-Passwort-77"})
    assert response.status_code == 302 and response["Location"] == reverse("account")
    client.logout()
    assert client.post(reverse("login"), {"username": "doris@example.org",
                                          "password": "Ganz-neues-Passwort-77"}).status_code == 302


def test_a_reset_leaves_other_accounts_locked(client):
    make_user("erik")
    make_user("frieda", email="frieda@example.org")
    for _ in range(5):
        client.post(reverse("login"), {"username": "erik", "password": "falsch"})
    client.post(reverse("password_reset"), {"email": "frieda@example.org"})
    link = re.search(r"https?://[^/]+(/konto/passwort-neu/\S+/)", mail.outbox[0].body).group(1)
    client.post(client.get(link).url, {"new_password1": "Ganz-neues-Passwort-77",
                                       "new_password2": "Ganz-neues-Passwort-77"})
    assert client.post(reverse("login"), {"username": "erik", "password": PASSWORD}).status_code == 429


def test_unknown_address_gets_no_mail_but_same_answer(client):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert response.status_code == 302 and mail.outbox == []


def test_account_lists_own_organisations(client):
    own = make_organisation(name="Mein Verein")
    make_organisation(name="Anderer Verein")
    client.force_login(make_user("dora", organisations=[own]))
    body = client.get(reverse("account")).content.decode()
    assert "Mein Verein" in body and "Anderer Verein" not in body
    assert reverse("moderation:organisation-edit", kwargs={"slug": own.slug}) in body


def test_data_download_contains_everything_about_the_user(client):
    own = make_organisation(name="Datenverein", email="info@datenverein.example")
    user = make_user("emil", email="emil@example.org", organisations=[own])
    confirm_address(user)
    Submission.objects.create(kind=Submission.Kind.CORRECTION, payload={"fields": {}, "message": "Hallo"},
                              organisation=own, submitter_email="emil@example.org", sender_hash="x" * 64)
    VerificationReminder.objects.create(user=user, organisations=[own.slug])
    client.force_login(user)
    client.post(reverse("moderation:organisation-edit", kwargs={"slug": own.slug}),
                {"name": own.name, "kind": own.kind, "short_description": "Von Emil geändert",
                 "wheelchair_access": "unknown", "email": own.email})
    response = client.get(reverse("account-data"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "emil" and data["account"]["email"] == "emil@example.org"
    assert data["account"]["email_confirmed"]
    assert [organisation["name"] for organisation in data["organisations"]] == ["Datenverein"]
    assert data["organisations"][0]["email"] == "info@datenverein.example"
    assert any(entry["object"] == "Datenverein" and "short_description" in entry["changed_fields"]
               for entry in data["history"])
    assert data["submissions"][0]["payload"]["message"] == "Hallo"
    assert data["verification_reminders"][0]["organisations"] == [own.slug]
    assert "password" not in response.content.decode()
    client.logout()
    assert client.get(reverse("account-data")).status_code == 302


def test_deletion_removes_account_and_links_but_not_organisations(client):
    own = make_organisation(name="Bleibender Verein")
    user = make_user("fritz", organisations=[own])
    client.force_login(user)
    client.post(reverse("moderation:organisation-edit", kwargs={"slug": own.slug}),
                {"name": own.name, "kind": own.kind, "wheelchair_access": "unknown"})
    assert client.get(reverse("account-delete")).status_code == 200
    response = client.post(reverse("account-delete"), {"password": "falsch", "confirm": "on"})
    assert response.status_code == 200 and User.objects.filter(pk=user.pk).exists()
    response = client.post(reverse("account-delete"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(username="fritz").exists()
    assert not OrganisationEditor.objects.filter(organisation=own).exists()
    assert Organisation.objects.filter(pk=own.pk).exists()
    # The history stays, without the person.
    assert own.history.count() >= 2 and not own.history.filter(history_user__isnull=False).exists()
    assert client.get(reverse("account")).status_code == 302
