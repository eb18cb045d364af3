"""record: every page for every role and language, and every API operation with its query variants,
from a throwaway copy of the fixed database, through Django's test client (no server).

One file per (role, language, path+query) under OUT_DIR/<role>/<language>/, plus index.tsv (every
file with status and kind), patterns.txt (the URL patterns walked, what could not be covered) and
_meta.json (where and how it was recorded; not compared).
"""

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import env

LANGUAGES = ("de", "en", "ar")
# role → username of build-db (None: anonymous)
ROLES = {"anonymous": None, "coordinator": "koordination", "planner": "planung", "editor": "redaktion"}
SUPERUSER = ("superuser", "admin")
API_ROLES = ("anonymous",)  # the query variants of the API; the bare endpoints are recorded for every role


def file_name(url, taken):
    """A readable file name for a path with query: '/organisationen/x/' → 'organisationen_x_'."""
    path, _, query = url.partition("?")
    name = path.strip("/").replace("/", "_") or "_root"
    if path.endswith("/") and path != "/":
        name += "_"
    if query:
        name += "@" + query
    name = re.sub(r"[^A-Za-z0-9._,=+@%-]", "-", name)
    if len(name) > 150 or name.lower() in taken:
        name = f"{name[:140]}~{hashlib.sha256(url.encode()).hexdigest()[:8]}"
    taken.add(name.lower())
    return name + ".txt"


def make_client(username, language):
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)
    if username:
        user = get_user_model().objects.get(username=username)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language  # as the site's language switcher sets it
    return client


def fetch(client, url):
    """One GET with nothing carried over from the request before: an empty cache (no throttle counts,
    no cached directory facts) and no pending messages."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    client.cookies.pop("messages", None)
    return client.get(url)


def render(url, role, language, response, static_url):
    from .body import body_sections, headers_of

    kind, main, assets = body_sections(response, static_url)
    lines = [f"GET {url}", f"role: {role}", f"language: {language}", *headers_of(response)]
    exc_info = getattr(response, "exc_info", None)
    if exc_info:
        message = str(exc_info[1]).splitlines()
        lines.append(f"exception: {exc_info[0].__name__}: {message[0] if message else ''}")
    text = "\n".join(lines) + f"\n=== body: {kind} ===\n{main}\n=== assets (script/style URLs) ===\n{assets}\n"
    return kind, text


def prepare(out_dir):
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / "index.tsv").exists():
            raise SystemExit(f"{out_dir} is not empty and holds no recording: not overwritten")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return out_dir


def git_head(code_tree):
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=code_tree, capture_output=True, text=True,  # noqa: S607
                              check=False).stdout.strip()
    except OSError:
        return ""


def record(db_path, out_dir, only=""):
    db_path = Path(db_path).resolve()
    if not db_path.exists():
        raise SystemExit(f"no database at {db_path}: build it with build-db first")
    out_dir = prepare(out_dir)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="site-snapshot-") as scratch:
        copy = Path(scratch) / "site.sqlite3"
        shutil.copyfile(db_path, copy)  # the fixed database is never opened for writing
        media = Path(scratch) / "media"
        if env.media_dir(db_path).exists():
            shutil.copytree(env.media_dir(db_path), media)
        else:
            media.mkdir()
        meta = env.start(copy, media)
        meta["migrations_applied_to_copy"] = env.migrate_copy()
        if meta["migrations_applied_to_copy"]:
            print(f"migrations applied to the copy: {', '.join(meta['migrations_applied_to_copy'])}")
        meta.update(db=str(db_path), git_head=git_head(meta["code_tree"]))
        summary = run_all(out_dir, meta, only)
        from django.db import connections

        connections.close_all()
    meta["foreign_modules"] = env.foreign_modules()  # views import modules lazily: checked again at the end
    meta["seconds"] = round(time.monotonic() - started, 1)
    (out_dir / "_meta.json").write_text(json.dumps({**meta, **summary}, indent=1, sort_keys=True) + "\n")
    print(f"recorded {summary['files']} files in {meta['seconds']} s to {out_dir}")
    for key, count in sorted(summary["per_role_language"].items()):
        print(f"  {key:16} {count}")
    if meta["foreign_modules"]:
        print(f"NOT A RECORDING OF {meta['code_tree']} ALONE: modules from elsewhere: {meta['foreign_modules']}")
        return 2
    return 0


def run_all(out_dir, meta, only):
    from django.conf import settings

    from . import apivariants, urlwalk

    plan = urlwalk.plan()
    anonymous_de = make_client(None, "de")
    schema = fetch(anonymous_de, "/api/schema/?format=json").content
    known = urlwalk.values()

    def fill_schema_path(template):
        route = re.sub(r"\{(\w+)\}", r"<\1>", template)
        return [route] if "<" not in route else (urlwalk.fill(route, known) or [])

    api_queries, unknown_parameters = apivariants.variants(schema, fill_schema_path)
    jobs = {(role, language): list(plan.pages) + (api_queries if role in API_ROLES else [])
            for role in ROLES for language in LANGUAGES}
    jobs.update({(SUPERUSER[0], language): list(plan.admin) for language in LANGUAGES})
    # Everyone signs in before the first request: sign-ins leave records (last login, access log) that
    # the admin shows, and their number must not depend on how far the recording has come.
    users = {**ROLES, SUPERUSER[0]: SUPERUSER[1]}
    clients = {key: make_client(users[key[0]], key[1]) for key in sorted(jobs)}
    index, per_role_language, errors = [], {}, []
    for key in sorted(jobs):
        role, language = key
        directory = out_dir / role / language
        directory.mkdir(parents=True, exist_ok=True)
        taken = set()
        urls = sorted(set(url for url in jobs[key] if only in url))
        started = time.monotonic()
        for url in urls:
            response = fetch(clients[key], url)
            name = file_name(url, taken)
            try:
                kind, text = render(url, role, language, response, settings.STATIC_URL)
            except Exception as error:  # noqa: BLE001 (an unreadable body is recorded, not fatal)
                kind, text = "unreadable", f"GET {url}\nstatus: {response.status_code}\nunreadable body: {error!r}\n"
            (directory / name).write_text(text)
            index.append(f"{role}/{language}/{name}\t{response.status_code}\t{kind}\t{url}")
            if response.status_code >= 500:
                errors.append(f"{role}/{language} {url} -> {response.status_code}")
        per_role_language[key] = len(urls)
        print(f"  {role}/{language}: {len(urls)} in {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)
    (out_dir / "index.tsv").write_text("file\tstatus\tkind\turl\n" + "\n".join(sorted(index)) + "\n")
    patterns = ["# URL patterns of the root resolver", *sorted(plan.templates), "",
                "# not covered", *sorted(f"{t}\t{reason}" for t, reason in plan.uncovered), "",
                "# API parameters without a known value", *sorted(unknown_parameters)]
    (out_dir / "patterns.txt").write_text("\n".join(patterns) + "\n")
    return {"files": len(index), "per_role_language": {f"{r}/{lang}": n for (r, lang), n in per_role_language.items()},
            "server_errors": errors, "uncovered": plan.uncovered, "unknown_api_parameters": unknown_parameters}
