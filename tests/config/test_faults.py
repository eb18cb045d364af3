"""The site under faults: its main pages and API endpoints with the cache (Redis) unreachable and with the
database read-only.

Redis is an optimisation: with nothing listening at REDIS_URL every page answers, every write is stored
and one warning a minute is logged (common/cache.py). A read-only database (a standby, a disk remounted
read-only) still serves every read; a write gets a clear "temporarily read-only" answer, HTTP 503 with
Retry-After, instead of a server error (common/middleware.py).
"""

import contextlib
import json
import logging
import socket

import pytest
from axes.models import AccessAttempt
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test import RequestFactory

from atlas.directory.models import Organisation
from atlas.geocoding.models import GeocodeCache
from atlas.moderation.models import Submission
from common.cache import redis_cache
from common.middleware import ReadOnlyDatabaseMiddleware
from geodata.models import Ortsteil
from planning.coverage import store as coverage_store
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.geocoding import support as geocoding_support
from tests.atlas.moderation.factories import organisation_data
from tests.factories import RATHAUS_SPANDAU

pytestmark = pytest.mark.django_db

NEAR = f"{RATHAUS_SPANDAU[0]},{RATHAUS_SPANDAU[1]}"
PAGES = [
    "/", "/verzeichnis/", f"/verzeichnis/?near={NEAR}", "/organisationen/{organisation}/",
    "/treffpunkte/{place}/", "/veranstaltungen/", "/ressourcen/", "/planung/", "/planungsraeume/",
    "/ortsteile/", "/ortsteile/{ortsteil}/", "/quellen/", "/datenschutz/", "/vorschlagen/",
    "/vorschlagen/organisation/", "/konto/anmelden/",
]
COVERAGE = ["/ortsteile/{ortsteil}/", "/api/coverage/"]  # serve the stored default coverage run
API = [
    f"/api/organisations/?near={NEAR}", "/api/organisations/?bbox=13.15,52.50,13.25,52.56",
    "/api/organisations/{organisation}/", "/api/meeting-places/", "/api/geocode/?q=Heerstraße 400",
    "/api/ortsteile/", "/api/planning-areas/", "/api/facilities/", "/api/coverage/", "/api/events/",
    "/api/schema/", "/api/sources/",
]
WHAT_IF = {"points": [[13.2005, 52.5461]], "weight": 1, "catchment": 1000}
FAILED_LOGIN = {"username": "niemand", "password": "falsches-Passwort"}


def free_port():
    """A local port where nothing listens (the OS hands out a free one, which is closed again)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def site():
    """The objects the paths above name."""
    organisation = make_organisation(name="Störungsverein", categories=["counselling"], languages=["de"])
    place = make_meeting_place(name="Störungstreff")
    return {"organisation": organisation.slug, "place": place.slug,
            "ortsteil": Ortsteil.objects.order_by("key").first().key}


@pytest.fixture
def cache_down(settings):
    """The production cache configuration, pointed at a local port where nothing listens."""
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0")}
    for outage_filter in logging.getLogger("django_redis.cache").filters:
        outage_filter.reset()  # an earlier test's warning does not silence this test's


@contextlib.contextmanager
def read_only():
    """The database refuses every write inside the block. In a savepoint, whose rollback ends the
    read-only mode before the test's own end checks its constraints."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("SET TRANSACTION READ ONLY")  # undone by the rollback to the savepoint
                else:
                    cursor.execute("PRAGMA query_only = ON")
            yield
            transaction.set_rollback(True)
    finally:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")


def stale_coverage_run():
    """What a running site has: a stored default coverage run, outdated by a later change."""
    coverage_store.default_run()
    make_organisation(name="Neuer Verein seit dem letzten Lauf")
    assert coverage_store.current_default_run() is None


def get(client, path, site):
    return client.get(path.format(**site))


def propose(client):
    return client.post("/vorschlagen/organisation/", organisation_data(name="Neuer Verein im Ausfall"))


def what_if(client):
    return client.post("/api/coverage/what-if/", json.dumps(WHAT_IF), content_type="application/json")


# --- the cache unreachable ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES + API)
def test_reads_answer_without_cache(client, site, cache_down, path):
    assert get(client, path, site).status_code == 200


def test_writes_are_stored_without_cache(client, site, cache_down):
    assert propose(client).status_code == 302
    assert Submission.objects.filter(organisation__name="Neuer Verein im Ausfall").exists()

    assert client.post("/konto/anmelden/", FAILED_LOGIN).status_code == 200  # the form with its error
    assert AccessAttempt.objects.filter(username="niemand").get().failures_since_start == 1

    # What the admin and the edit pages do: a save, whose signals renew the directory's data version.
    organisation = Organisation.objects.get(slug=site["organisation"])
    organisation.name = "Umbenannter Verein"
    organisation.save()
    assert Organisation.objects.get(pk=organisation.pk).name == "Umbenannter Verein"
    nearest = client.get(f"/api/organisations/?near={NEAR}").json()["features"][0]
    assert nearest["properties"]["name"] == "Umbenannter Verein"

    assert what_if(client).status_code == 200  # throttled: the throttle counts in the cache


def test_cache_outage_is_logged_once_a_minute(site, cache_down, caplog):
    from django.core.cache import cache

    with caplog.at_level(logging.WARNING):
        assert cache.get("a", "default") == "default"
        cache.set("b", 1)
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING and "Cache" in warnings[0].getMessage()


# --- the database read-only ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES + API)
def test_reads_answer_from_a_read_only_database(client, site, path):
    if path in COVERAGE:
        stale_coverage_run()  # cannot be replaced now: the stale run serves
    with read_only():
        assert get(client, path, site).status_code == 200


def test_computing_posts_answer_from_a_read_only_database(client):
    with read_only():
        assert what_if(client).status_code == 200


@pytest.fixture
def online_geocoder(settings, monkeypatch):
    settings.ATLAS_GEOCODERS = ["nominatim"]
    settings.NOMINATIM_USER_AGENT = "migraktiv-atlas-tests/1.0 (tests@example.org)"
    settings.NOMINATIM_URL = "https://nominatim.openstreetmap.org"
    geocoding_support.reset_geocoders()
    fake_http = geocoding_support.install_fake_http(monkeypatch)
    fake_http.add("nominatim.openstreetmap.org/search", "nominatim_carl_schurz_31.json")
    yield
    geocoding_support.reset_geocoders()


def test_online_geocoding_answers_from_a_read_only_database(client, online_geocoder):
    with read_only():  # the answer cannot be remembered (GeocodeCache), but it is given
        response = client.get("/api/geocode/?q=Carl-Schurz-Str. 31, 13597 Berlin")
    assert response.status_code == 200
    assert response.json()["provider"] == "nominatim"
    assert not GeocodeCache.objects.exists()


def assert_read_only_page(response):
    assert response.status_code == 503
    assert response["Retry-After"]
    assert response["Content-Type"].startswith("text/html")
    assert "vorübergehend nur lesbar" in response.content.decode()


def test_proposal_to_a_read_only_database_is_a_clear_503(client):
    with read_only():
        assert_read_only_page(propose(client))


def test_failed_login_on_a_read_only_database_is_a_clear_503(client):
    with read_only():  # django-axes records every failed login: that write is refused
        assert_read_only_page(client.post("/konto/anmelden/", FAILED_LOGIN))


def test_api_write_to_a_read_only_database_is_json_503(site):
    with read_only(), pytest.raises(DatabaseError) as refused:
        Organisation.objects.filter(slug=site["organisation"]).update(name="Nicht gespeichert")
    request = RequestFactory().post("/api/organisations/")
    response = ReadOnlyDatabaseMiddleware(lambda request: None).process_exception(request, refused.value)
    assert response.status_code == 503 and response["Retry-After"]
    assert response["Content-Type"] == "application/json"
    assert "nur lesbar" in json.loads(response.content)["detail"]


def test_other_database_errors_are_not_mistaken_for_read_only():
    request = RequestFactory().post("/vorschlagen/organisation/")
    middleware = ReadOnlyDatabaseMiddleware(lambda request: None)
    assert middleware.process_exception(request, IntegrityError("UNIQUE constraint failed")) is None
    assert middleware.process_exception(request, ValueError("attempt to write a readonly database")) is None
