"""Shared fixtures: the real Spandau data imported once per test database, and Playwright on Debian's
Chromium (Playwright's own browser download does not work on these machines)."""

import os

import pytest
from django.core.management import call_command

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
    # A transactional test's flush also removes what data migrations created.
    ensure_vocabularies()
    call_command("seed_meeting_places", verbosity=0)
    ensure_role_groups()  # the role groups with their admin permissions (a flush removes them too)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Import the real data once into the test database; tests using `db` roll back on top of it."""
    with django_db_blocker.unblock():
        import_real_data()


@pytest.fixture
def geodata_live(transactional_db):
    """For live-server tests: transactional tests flush the database afterwards, so re-import when
    an earlier transactional test emptied it."""
    from geodata.models import PlanningArea

    if not PlanningArea.objects.exists():
        import_real_data()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache: a rolled-back test leaves no trace in the database but
    would leave the directory's cached facts (atlas.directory.cache) behind."""
    from django.core.cache import cache

    cache.clear()
