"""common.clients.client_address: the one place that decides a client's address."""

import pytest

from common.clients import UNKNOWN, client_address

PROXY = "10.0.0.1"
CLIENT = "203.0.113.5"
SPOOFED = "198.51.100.66"


def request(rf, forwarded=None, remote=PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **meta)


@pytest.mark.parametrize("forwarded", [None, "", CLIENT, f"{SPOOFED}, {CLIENT}", "garbage"])
def test_without_trusted_proxies_the_socket_address_counts(rf, settings, forwarded):
    settings.ATLAS_TRUSTED_PROXIES = 0
    assert client_address(request(rf, forwarded)) == PROXY


def test_one_proxy_the_address_it_appended(rf, settings):
    settings.ATLAS_TRUSTED_PROXIES = 1
    assert client_address(request(rf, CLIENT)) == CLIENT
    # Whatever the client wrote itself stands further left and is ignored.
    assert client_address(request(rf, f"{SPOOFED}, {CLIENT}")) == CLIENT
    assert client_address(request(rf, f"{SPOOFED},{SPOOFED} , {CLIENT} ")) == CLIENT


def test_two_proxies_the_address_the_outer_proxy_saw(rf, settings):
    settings.ATLAS_TRUSTED_PROXIES = 2
    outer_proxy = "192.0.2.10"
    assert client_address(request(rf, f"{CLIENT}, {outer_proxy}")) == CLIENT
    assert client_address(request(rf, f"{SPOOFED}, {CLIENT}, {outer_proxy}")) == CLIENT
    # Fewer entries than proxies (a request that bypassed the outer proxy): the leftmost is the best we know.
    assert client_address(request(rf, CLIENT)) == CLIENT


@pytest.mark.parametrize("forwarded", [None, "", " , ", "unknown", f"{CLIENT}:443", "300.1.2.3", f"{CLIENT}, bogus"])
def test_missing_or_invalid_forwarded_entry_falls_back_to_the_socket(rf, settings, forwarded):
    settings.ATLAS_TRUSTED_PROXIES = 1
    assert client_address(request(rf, forwarded)) == PROXY


def test_addresses_are_normalised(rf, settings):
    settings.ATLAS_TRUSTED_PROXIES = 1
    assert client_address(request(rf, "2001:DB8:0:0::7")) == "2001:db8::7"
    assert client_address(request(rf, None, remote=" 192.0.2.1 ")) == "192.0.2.1"


@pytest.mark.parametrize("remote", ["", "not-an-address", None])
def test_no_usable_socket_address_is_unknown(rf, settings, remote):
    settings.ATLAS_TRUSTED_PROXIES = 0
    req = request(rf, CLIENT, remote=remote or "")
    if remote is None:
        del req.META["REMOTE_ADDR"]
    assert client_address(req) == UNKNOWN


def test_a_negative_setting_trusts_no_proxy(rf, settings):
    settings.ATLAS_TRUSTED_PROXIES = -1
    assert client_address(request(rf, CLIENT)) == PROXY
