"""The facts cached per set of filters (count, entries shown at planning-area level) and the nearest
statement compiled once: answers stay right when entries change and when the point changes."""

import pytest
from django.core.cache import cache
from django.db import connection

from atlas.directory.cache import VERSION_KEY
from atlas.directory.models import Category, Organisation
from tests.atlas.directory.factories import make_organisation
from tests.atlas.directory.support import ORIGIN, assert_distances_match, assert_nearest_first, near
from tests.factories import offset

pytestmark = pytest.mark.django_db

WEST = offset(ORIGIN, -2000, 0)
EAST = offset(ORIGIN, 2000, 0)


def names(body):
    return [feature["properties"]["name"] for feature in body["features"]]


def test_count_and_entries_follow_every_change_between_nearest_requests(client):
    west = make_organisation(name="Verein West", location=offset(WEST, 50, 0), categories=["counselling"])
    make_organisation(name="Verein Ost", location=offset(EAST, 50, 0))
    assert near(client, "/api/organisations/", WEST)["count"] == 2

    make_organisation(name="Verein Mitte", location=ORIGIN)
    body = near(client, "/api/organisations/", WEST)
    assert body["count"] == 3 and names(body) == ["Verein West", "Verein Mitte", "Verein Ost"]

    west.status = "draft"
    west.save()
    assert names(near(client, "/api/organisations/", WEST)) == ["Verein Mitte", "Verein Ost"]

    west.status = "published"
    west.save()
    west.categories.clear()
    assert near(client, "/api/organisations/", WEST, "&category=counselling")["count"] == 0
    west.categories.add(Category.objects.get(key="counselling"))
    assert names(near(client, "/api/organisations/", WEST, "&category=counselling")) == ["Verein West"]

    # An individual actor without consent joins the hidden entries, at its planning area's point.
    make_organisation(name="Frau K.", kind=Organisation.Kind.INDIVIDUAL, location=offset(WEST, 10, 0))
    body = near(client, "/api/organisations/", WEST)
    assert body["count"] == 4
    shown = {f["properties"]["name"]: f["properties"] for f in body["features"]}
    assert shown["Frau K."]["location_precision"] == "planning_area"

    Organisation.objects.get(name="Verein Ost").delete()
    assert "Verein Ost" not in names(near(client, "/api/organisations/", WEST))


def test_another_point_is_one_query_and_gets_its_own_order(client, django_assert_num_queries):
    for n in range(5):
        make_organisation(name=f"West {n}", location=offset(WEST, 100 * n, 0))
        make_organisation(name=f"Ost {n}", location=offset(EAST, -100 * n, 0))
    from_west = near(client, "/api/organisations/", WEST, "&page_size=4")
    assert names(from_west) == ["West 0", "West 1", "West 2", "West 3"]

    # Count and hidden entries are cached, the statement compiled: only the nearest query runs, and the
    # one reading the stops for the page's nearest stops (geodata.transit.StopIndex).
    with django_assert_num_queries(2):
        from_east = near(client, "/api/organisations/", EAST, "&page_size=4")
    assert names(from_east) == ["Ost 0", "Ost 1", "Ost 2", "Ost 3"]
    assert from_east["count"] == 10
    assert_nearest_first(from_east["features"], EAST)
    assert_distances_match(from_east["features"], EAST)

    second_page = near(client, "/api/organisations/", EAST, "&page_size=4&page=2")
    assert names(second_page) == ["Ost 4", "West 4", "West 3", "West 2"]
    assert_distances_match(second_page["features"], EAST)


def test_a_lost_version_key_never_brings_back_old_facts(client):
    make_organisation(name="Erster", location=ORIGIN)
    first = Organisation.objects.get()
    one_per_page = "&page_size=1"  # a full first page: the count comes from the cache
    assert near(client, "/api/organisations/", extra=one_per_page)["count"] == 1
    # Written past the signals (as a bulk insert would), then the version key is evicted.
    Organisation.objects.bulk_create([Organisation(name="Zweiter", slug="zweiter", status="published",
                                                   location=first.location, location_metric=first.location_metric)])
    assert near(client, "/api/organisations/", extra=one_per_page)["count"] == 1  # cached for up to a minute
    cache.delete(VERSION_KEY)
    assert near(client, "/api/organisations/", extra=one_per_page)["count"] == 2


def test_a_restricted_queryset_keeps_its_restriction(client):
    from atlas.directory.queries import filter_entries

    chosen = make_organisation(name="Gewählt", location=offset(ORIGIN, 500, 0))
    make_organisation(name="Andere", location=offset(ORIGIN, 20, 0))
    params = {"near": f"{ORIGIN[0]},{ORIGIN[1]}", "page_size": "1"}
    assert names(near(client, "/api/organisations/", extra="&page_size=1")) == ["Andere"]
    selection = filter_entries(Organisation.objects.filter(pk=chosen.pk), params)
    assert [entry.name for entry in selection.entries()] == ["Gewählt"]
    assert selection.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are a PostgreSQL feature")
def test_prepared_statements_survive_reconnects_and_are_released(geodata_live, client, monkeypatch):
    """Transactional: closing the connection inside a test's transaction is not possible."""
    import atlas.directory.nearest

    make_organisation(name="Nah", location=offset(ORIGIN, 30, 0))
    assert names(near(client, "/api/organisations/")) == ["Nah"]
    connection.close()  # as CONN_MAX_AGE or a failed health check does: a new session
    assert names(near(client, "/api/organisations/", WEST)) == ["Nah"]

    monkeypatch.setattr(atlas.directory.nearest, "MAX_STATEMENTS", 3)
    for size in range(1, 8):  # seven shapes (page sizes), at most three kept
        near(client, "/api/organisations/", extra=f"&page_size={size}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'atlas_nearest_%%'")
        assert cursor.fetchone()[0] <= 3


def test_a_geodata_import_that_changes_areas_renews_the_facts(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    from atlas.directory.cache import data_version
    from geodata.models import PlanningArea

    area = PlanningArea.objects.order_by("key").first()
    version = data_version()
    PlanningArea.objects.filter(pk=area.pk).update(name="Umbenannt")  # past the model signals
    assert data_version() == version
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_geodata", verbosity=0)  # puts the name back, in bulk
    assert PlanningArea.objects.get(pk=area.pk).name == area.name
    assert data_version() != version
