"""Starts Django for the code tree in the working directory, on a given SpatiaLite file, at a fixed "now".

Only Django itself is imported here; the project is reached through its settings module (chosen by
the layout: config.settings after the restructure, atlas.settings before), the app registry,
management commands and the URL resolver.
"""

import datetime
import os
import sys
from pathlib import Path

# Every recording (and the database build) runs at this instant: "upcoming" and "past" events, the
# current month, "open now" and entries due for verification then never depend on the day of the run.
FROZEN_NOW = datetime.datetime(2026, 11, 20, 9, 30, tzinfo=datetime.UTC)

# What the settings read from the environment: a development site without Redis, SMTP or online
# geocoders, whatever the calling shell has set.
FIXED_ENVIRONMENT = {
    "ATLAS_ENV": "development",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
    "ATLAS_GEOCODERS": "gazetteer",
    "ATLAS_TRUSTED_PROXIES": "0",
    "LOG_LEVEL": "ERROR",
}
REMOVED_ENVIRONMENT = ("REDIS_URL", "EMAIL_HOST", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")


def settings_module(code_tree):
    return "config.settings" if (Path(code_tree) / "config" / "settings.py").exists() else "atlas.settings"


def media_dir(db_path):
    """Uploaded files of the fixed database live beside it, never in a code tree."""
    return Path(f"{db_path}.media")


def freeze_time():
    """django.utils.timezone.now (and with it localdate/localtime) answers FROZEN_NOW. Patched before
    the project is imported, so `from django.utils.timezone import now` sees the frozen one too."""
    from django.utils import timezone

    timezone.now = lambda: FROZEN_NOW


def start(db_path, media_root):
    """Sets up Django on db_path (a SpatiaLite file) for the code tree in the working directory."""
    code_tree = Path.cwd()
    if not (code_tree / "manage.py").exists():
        raise SystemExit(f"{code_tree} is not a code tree of the atlas (no manage.py): cd into it first")
    if str(code_tree) not in sys.path:
        sys.path.insert(0, str(code_tree))
    for name in REMOVED_ENVIRONMENT:
        os.environ.pop(name, None)
    os.environ.update(FIXED_ENVIRONMENT)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module(code_tree)
    os.environ["DATABASE_URL"] = f"spatialite:///{Path(db_path).resolve()}"
    freeze_time()

    import django
    from django.conf import settings

    django.setup()

    strangers = foreign_modules()
    settings_file = Path(sys.modules[os.environ["DJANGO_SETTINGS_MODULE"]].__file__).resolve()
    if strangers or code_tree.resolve() not in settings_file.parents:
        raise SystemExit(f"modules from outside {code_tree}: {strangers or [settings_file]}; run that tree's python")
    settings.MEDIA_ROOT = str(media_root)
    from django.test.utils import setup_test_environment

    # The test client's host, mail kept in memory, DEBUG off (production error pages, no media route).
    setup_test_environment(debug=False)
    import logging

    for name in ("django.request", "django.security"):  # 4xx answers are recorded, not logged; 5xx are
        logging.getLogger(name).setLevel(logging.ERROR)
    return {"code_tree": str(code_tree), "settings": os.environ["DJANGO_SETTINGS_MODULE"],
            "frozen_now": FROZEN_NOW.isoformat()}


def close_database():
    """Closes the connection and folds the write-ahead log into the database file."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def foreign_modules():
    """Loaded modules that come neither from the code tree in the working directory nor from the Python
    installation (nor from this tool): the editable install of another tree serves modules that are
    missing in this one, so a recording made with another tree's python could mix two trees."""
    homes = [Path.cwd().resolve(), Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(),
             Path(__file__).resolve().parent.parent]
    found = []
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        candidates = (Path(file).absolute(), Path(file).resolve()) if file else ()
        if file and not any(home in path.parents for path in candidates for home in homes):
            found.append(f"{name} ({file})")
    return sorted(found)


def find_model(app_label, name):
    """The model by app label and name; should a restructure have moved it to another app, the one model
    of that name (and None when there is none)."""
    from django.apps import apps

    try:
        return apps.get_model(app_label, name)
    except LookupError:
        found = [m for m in apps.get_models() if m.__name__.lower() == name.lower()]
        return found[0] if len(found) == 1 else None


def migrate_copy():
    """Applies the code tree's migrations that the copy lacks (none before a restructure); returns
    their names. A restructure that moves models between apps may bring state-only migrations."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", interactive=False, verbosity=0)
    return [f"{migration.app_label}.{migration.name}{' (backwards)' if backwards else ''}"
            for migration, backwards in plan]
