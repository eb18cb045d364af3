"""Settings: production mode passes Django's deployment checks and refuses unsafe configuration."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = dict(os.environ)
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"):
        environment.pop(name, None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_in_production_mode():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        ATLAS_ENV="production",
        SECRET_KEY="k" * 30 + "-Zq9&x!vR2#p@L7^mW4*tY8%nB1$cD6",
        ALLOWED_HOSTS="atlas.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ATLAS_ENV="production", SECRET_KEY="", ALLOWED_HOSTS="atlas.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_unknown_database_engine_is_refused():
    result = run_manage("check", DATABASE_URL="mysql://root@127.0.0.1/atlas")
    assert result.returncode != 0
    assert "DATABASE_URL must be spatialite:// or postgis://" in result.stderr
