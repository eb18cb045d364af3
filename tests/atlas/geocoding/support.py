"""Helpers of the geocoding tests (conftest.py wraps them in fixtures; tests/config/test_faults.py uses them too)."""

import csv
import email.message
import io
import json
import time
import urllib.error
import urllib.request
import urllib.response
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.management import call_command

from atlas.geocoding import providers, snapshot

RECORDED = Path(__file__).parent / "recorded"


def load_gazetteer(django_db_blocker):
    """The official address list in the test database, after the session's import_geodata. (Once the
    session fixture in tests/conftest.py runs import_gazetteer itself, this finds it there.)"""
    from atlas.geocoding.models import GazetteerAddress

    with django_db_blocker.unblock():
        if not GazetteerAddress.objects.exists():
            call_command("import_gazetteer", verbosity=0)


def reset_geocoders():
    """New provider instances (and rate limiters) and re-read snapshots, so tests do not leak."""
    providers.reset()
    snapshot.clear()


def address_row(street, number, suffix=""):
    """The row of the official address list (read from the shared data, not copied)."""
    with (Path(settings.ATLAS_DATA_DIR) / "spandau_adressen_2023-06.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["str_name"] == street and row["hnr"] == str(number) and row["hnr_zusatz"] == suffix:
                return row
    raise LookupError(f"{street} {number}{suffix} is not in the address list")


class FakeHTTP:
    """Replaces urllib's OpenerDirector.open – the HTTP boundary under geopy's URLLibAdapter – so real
    geopy code builds the requests and parses the recorded bodies. `routes` maps a host (optionally
    with path prefix) to a list of answers used in turn: a file name in recorded/, an int HTTP status,
    or an exception instance to raise."""

    def __init__(self):
        self.routes = {}
        self.calls = []

    def add(self, prefix, *answers):
        self.routes.setdefault(prefix, []).extend(answers)

    def open(self, opener, request, data=None, timeout=None):
        url = request.full_url if hasattr(request, "full_url") else request
        self.calls.append({"url": url, "at": time.monotonic(), "headers": dict(request.header_items()),
                           "timeout": timeout})
        parts = urlsplit(url)
        target = parts.netloc + parts.path
        prefix = max((p for p in self.routes if target.startswith(p)), key=len, default=None)
        if prefix is None or not self.routes[prefix]:
            raise AssertionError(f"unexpected HTTP request {url}")
        answer = self.routes[prefix].pop(0)
        if isinstance(answer, BaseException):
            raise answer
        headers = email.message.Message()
        headers["Content-Type"] = "application/json; charset=utf-8"
        if isinstance(answer, int):
            raise urllib.error.HTTPError(url, answer, "Service Unavailable", headers, io.BytesIO(b"<html>busy</html>"))
        body = (RECORDED / answer).read_bytes()
        json.loads(body)  # the recorded file itself must be valid
        return urllib.response.addinfourl(io.BytesIO(body), headers, url, code=200)

    def params(self, index=0):
        return {key: values[0] for key, values in parse_qs(urlsplit(self.calls[index]["url"]).query).items()}


def install_fake_http(monkeypatch):
    fake = FakeHTTP()
    monkeypatch.setattr(urllib.request.OpenerDirector, "open",
                        lambda opener, request, data=None, timeout=None: fake.open(opener, request, data, timeout))
    return fake


TIMEOUT = TimeoutError("timed out")
REFUSED = urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))
