"""Shared fixtures: the real Spandau data imported once per test database, and Playwright on Debian's
Chromium (Playwright's own browser download does not work on these machines)."""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.test import override_settings

# Playwright runs an event loop in the test thread; the ORM calls beside it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


def import_real_data():
    from atlas.directory.initial_vocabularies import ensure_vocabularies
    from atlas.roles.permissions import ensure_role_groups

    call_command("import_geodata", verbosity=0)
    call_command("import_gazetteer", verbosity=0)
    ensure_vocabularies()  # idempotent: what the data migrations created
    call_command("seed_meeting_places", verbosity=0)
    ensure_role_groups()  # idempotent: the role groups with their admin permissions (post_migrate)


SNAPSHOT = "test_snapshot"  # a schema in the PostgreSQL test database, a file beside the SpatiaLite one
LARGE_TABLE = 5_000  # rows; such a table (the address list) is compared with its copy before it is put back
_large_tables = {}  # quoted table name -> rows in the snapshot


def _tables(connection):
    """The tables Django's flush would empty (the same list its flush command uses), quoted."""
    names = connection.introspection.django_table_names(only_existing=True, include_views=False)
    return [connection.ops.quote_name(name) for name in sorted(names)]


@contextmanager
def _snapshot_attached(connection):
    """PostgreSQL: the snapshot is a schema of the test database. SpatiaLite: a file beside the test
    database (per worker, as the database is), attached to the connection while it is used."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            yield cursor
            return
        cursor.execute(f"ATTACH DATABASE %s AS {SNAPSHOT}", [connection.settings_dict["NAME"] + "-snapshot"])
        try:
            yield cursor
        finally:
            cursor.execute(f"DETACH DATABASE {SNAPSHOT}")


def take_snapshot():
    """Copies every table of the freshly imported test database, to be put back after each
    transactional test."""
    from django.db import connection

    drop_snapshot()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {SNAPSHOT}")
    _large_tables.clear()
    with _snapshot_attached(connection) as cursor:
        for table in _tables(connection):
            cursor.execute(f"CREATE TABLE {SNAPSHOT}.{table} AS SELECT * FROM {table}")
            cursor.execute(f"SELECT count(*) FROM {SNAPSHOT}.{table}")
            rows = cursor.fetchone()[0]
            if rows >= LARGE_TABLE:
                _large_tables[table] = rows


def drop_snapshot():
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE")
    else:
        Path(connection.settings_dict["NAME"] + "-snapshot").unlink(missing_ok=True)


def _unchanged(cursor, table):
    """For a large table: whether it holds exactly the snapshot's rows (as many, none other; rows are
    distinct by their primary key), cheaper to find out than to put 34,000 rows back."""
    if table not in _large_tables:
        return False
    cursor.execute(f"SELECT count(*) FROM {table}")
    if cursor.fetchone()[0] != _large_tables[table]:
        return False
    cursor.execute(f"SELECT EXISTS (SELECT * FROM {table} EXCEPT SELECT * FROM {SNAPSHOT}.{table})")
    return not cursor.fetchone()[0]


def restore_snapshot():
    """Empties every table and puts back exactly the rows of the imported test database, ids included,
    in one transaction (foreign keys are checked at its commit on both backends): under a second,
    where a flush (TRUNCATE of 61 tables on PostgreSQL, 2-3 s) and a re-import (8 s) took ten.
    Sequences are left alone, as a flush leaves them, so a new row never reuses a restored id."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from atlas.geocoding import snapshot

    with _snapshot_attached(connection) as cursor, transaction.atomic():
        tables = [table for table in _tables(connection) if not _unchanged(cursor, table)]
        for table in tables:
            cursor.execute(f"DELETE FROM {table}")
        for table in tables:
            cursor.execute(f"INSERT INTO {table} SELECT * FROM {SNAPSHOT}.{table}")
    # In-process caches keyed by ids or by the highest id would not notice changed rows put back.
    ContentType.objects.clear_cache()
    snapshot.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Import the real data once into the test database (each xdist worker has its own); tests using
    `db` roll back on top of it. Transactional (live-server, browser) tests end with the database put
    back as imported instead of Django's flush: no test sees another's rows, and every test sees the
    imported data."""
    from django.test import TransactionTestCase

    with django_db_blocker.unblock():
        import_real_data()
        take_snapshot()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", lambda test_case: restore_snapshot())
        yield
    with django_db_blocker.unblock():
        drop_snapshot()


@pytest.fixture
def geodata_live(transactional_db):
    """For live-server tests: a transactional database with the imported data (put back after every
    transactional test, see django_db_setup)."""
    from geodata.models import PlanningArea

    assert PlanningArea.objects.exists()


class QuickPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's default hasher (PBKDF2-SHA256, the same code paths) with 1,000 instead of 1,000,000
    iterations: a hash takes 1 ms, not 0.5-2 s, and the login and lockout tests hash hundreds of times."""

    iterations = 1_000


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashing():
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.QuickPBKDF2PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language: LocaleMiddleware leaves a request's language (Arabic,
    say) active in the test's thread, and a management command called next would answer in it."""
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache: a rolled-back test leaves no trace in the database but
    would leave the directory's cached facts (atlas.directory.cache) behind."""
    from django.core.cache import cache

    cache.clear()
