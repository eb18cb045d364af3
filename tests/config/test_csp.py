"""The Content-Security-Policy and framing headers of config/settings.py on pages of each layer: no inline
script, no unsafe-inline, no framing (the embeddable directory pages: tests/atlas/directory/test_pages.py)."""

import pytest

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
