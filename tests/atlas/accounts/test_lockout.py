"""Login lockout (django-axes, atlas.accounts.lockout): failures count per username from any address and
per client address (common.clients) for any username, each against its own limit, so a client that
sprays guesses over many accounts is stopped, and clients behind one trusted proxy are told apart."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.1"
SPRAYER = "203.0.113.5"
NEIGHBOUR = "203.0.113.6"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.ATLAS_LOGIN_FAILURES_PER_ADDRESS = 20
    settings.ATLAS_TRUSTED_PROXIES = 0


def login(client, username, password="falsch", remote="127.0.0.1", forwarded=None, **extra):
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=remote,
                       **extra)


def spray(client, accounts, guesses, **where):
    """``guesses`` wrong passwords for each account, one round over all accounts after the other."""
    return [login(client, account, **where).status_code for _ in range(guesses) for account in accounts]


def test_spraying_many_accounts_from_one_address_is_stopped(client):
    accounts = [make_user(f"konto{number}").username for number in range(12)]
    answers = spray(client, accounts, 4, remote=SPRAYER)
    # Never more than four guesses per account, yet the address is locked at its 20th failure.
    assert answers == [200] * 19 + [429] * 29
    assert login(client, accounts[0], PASSWORD, remote=SPRAYER).status_code == 429
    # Refused guesses are not counted: the locked address cannot go on to lock an account.
    assert [login(client, accounts[0], remote=SPRAYER).status_code for _ in range(5)] == [429] * 5
    # The accounts themselves are not locked: their owners sign in from elsewhere.
    assert login(client, accounts[0], PASSWORD, remote=NEIGHBOUR).status_code == 302


def test_a_made_up_forwarded_header_does_not_escape_the_address_lock(client):
    accounts = [make_user(f"konto{number}").username for number in range(5)]
    answers = [login(client, accounts[n % 5], remote=SPRAYER, forwarded=f"198.51.100.{n}").status_code
               for n in range(21)]
    assert answers == [200] * 19 + [429] * 2


def test_clients_behind_one_trusted_proxy_are_counted_separately(client, settings):
    settings.ATLAS_TRUSTED_PROXIES = 1
    accounts = [make_user(f"konto{number}").username for number in range(6)]
    assert spray(client, accounts, 4, remote=PROXY, forwarded=SPRAYER)[19:] == [429] * 5
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {SPRAYER}
    # Another visitor behind the same proxy is not locked with the sprayer …
    assert login(client, "fremd", remote=PROXY, forwarded=NEIGHBOUR).status_code == 200
    make_user("nachbarin")
    assert login(client, "nachbarin", PASSWORD, remote=PROXY, forwarded=NEIGHBOUR).status_code == 302
    client.logout()
    # … and the sprayer cannot pass for them by writing their address in front of the proxy's entry.
    assert login(client, "nachbarin", PASSWORD, remote=PROXY,
                 forwarded=f"{NEIGHBOUR}, {SPRAYER}").status_code == 429


def test_a_locked_user_is_locked_everywhere_but_the_address_may_go_on(client):
    make_user("berta"), make_user("anna")
    assert [login(client, "berta", remote=SPRAYER).status_code for _ in range(5)] == [200] * 4 + [429]
    # Five failures lock the account for every address, even with the right password …
    assert login(client, "berta", PASSWORD, remote=NEIGHBOUR).status_code == 429
    # … but not the address: it is far from its own limit.
    assert login(client, "anna", PASSWORD, remote=SPRAYER).status_code == 302


def test_signing_in_does_not_reset_the_address_count(client):
    accounts = [make_user(f"konto{number}").username for number in range(10)]
    make_user("eigenes")
    assert spray(client, accounts, 1, remote=SPRAYER) + spray(client, accounts[:9], 1, remote=SPRAYER) == [200] * 19
    # The sprayer signs in to an account of its own: that resets its own username, not its address.
    assert login(client, "eigenes", PASSWORD, remote=SPRAYER).status_code == 302
    client.logout()
    assert login(client, accounts[9], remote=SPRAYER).status_code == 429


def test_signing_in_resets_the_users_own_failures(client):
    make_user("carla")
    assert [login(client, "carla").status_code for _ in range(4)] == [200] * 4
    assert login(client, "carla", PASSWORD).status_code == 302
    client.logout()
    assert [login(client, "carla").status_code for _ in range(4)] == [200] * 4


def test_lockout_page_is_translated(client):
    make_user("dora")
    for _ in range(5):
        response = login(client, "dora", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [template.name for template in response.templates]
    body = response.content.decode()
    assert "Login temporarily locked" in body and "vorübergehend gesperrt" not in body
