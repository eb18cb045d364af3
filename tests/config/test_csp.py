"""The Content-Security-Policy and framing headers of config/settings.py on pages of each layer: no inline
script, no unsafe-inline, no framing (the embeddable directory pages: tests/atlas/directory/test_pages.py)."""

import json

import pytest

from tests.config.test_settings import run_manage
from tests.support import INLINE_SCRIPT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/planungsraeume/", "/quellen/"])
def test_pages_have_no_inline_script_and_a_strict_csp(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_images_only_from_here_and_the_street_maps_tile_host(client):
    policy = client.get("/", HTTP_ACCEPT_LANGUAGE="de")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["img-src"] == "'self' data: https://tile.openstreetmap.org"


PRINT_IMG_SRC = ("import json; from django.conf import settings; "
                 "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))")


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://{s}.tiles.example.org/{z}/{x}/{y}.png", ["'self'", "data:", "https://*.tiles.example.org"]),
    ("/tiles/{z}/{x}/{y}.png", ["'self'", "data:"]),
])
def test_the_tile_host_allowed_for_images_follows_atlas_tiles_url(url, allowed):
    result = run_manage("shell", "--no-imports", "-c", PRINT_IMG_SRC, ATLAS_TILES_URL=url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == allowed


def test_an_unusable_tile_url_is_refused_at_start():
    result = run_manage("check", ATLAS_TILES_URL="tile.example.org/{z}/{x}/{y}.png")
    assert result.returncode != 0
    assert "ATLAS_TILES_URL" in result.stderr
