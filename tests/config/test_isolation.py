"""The suite's own isolation (tests/conftest.py): a transactional test ends with the database put back
exactly as imported, the large address list included, and each xdist worker has its own database."""

import hashlib
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.test import TransactionTestCase

from atlas.geocoding.models import GazetteerAddress
from geodata.models import Facility, PlanningArea
from tests.atlas.directory.factories import make_organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def fingerprint():
    """Rows and a digest of all values of every table of every model."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        rows = [tuple(value.ewkb.hex() if hasattr(value, "ewkb") else value for value in row)
                for row in model.objects.order_by("pk").values_list()]
        tables[model._meta.db_table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return tables


def test_restore_puts_back_exactly_the_imported_rows(geodata_live):
    imported = fingerprint()
    assert imported["atlas_gazetteeraddress"][0] > 30_000 and imported["geodata_planningarea"][0] == 45
    # As many addresses as before, one of them changed: only the comparison of values can tell.
    address = GazetteerAddress.objects.order_by("pk").first()
    GazetteerAddress.objects.filter(pk=address.pk).update(number=(address.number or 0) + 1)
    Facility.objects.filter(pk__in=Facility.objects.values_list("pk", flat=True)[:3]).delete()
    PlanningArea.objects.filter(pk=PlanningArea.objects.first().pk).update(name="Umbenannt")
    make_organisation(name="Übrig gebliebener Verein")
    make_user("uebrig")
    changed = fingerprint()
    assert {table for table in imported if changed[table] != imported[table]} >= {
        "atlas_gazetteeraddress", "geodata_facility", "geodata_planningarea", "atlas_organisation", "auth_user"}

    TransactionTestCase()._fixture_teardown()  # what ends every transactional test, see tests/conftest.py
    assert fingerprint() == imported


@pytest.mark.django_db
def test_each_worker_has_its_own_test_database():
    """pytest-django appends the worker's id to the test database's name; for SpatiaLite that name is
    the file (settings: test_<name>.sqlite3, here test_<name>.sqlite3_gw0)."""
    name = Path(connection.settings_dict["NAME"]).name
    assert name.startswith("test_")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        assert name.endswith(f"_{worker}")
