"""HTML → PDF with WeasyPrint (needs the Debian libraries libpango-1.0-0, libpangoft2-1.0-0 and
libharfbuzz-subset0, and a font such as fonts-dejavu-core).

The document is rendered from a template whose charts and map are inline SVG; its only stylesheets
are the atlas's own CSS (atlas.css, then planning.css), read from the static files (print media, A4).
WeasyPrint never fetches anything over the network: the URL fetcher refuses every URL that is not a
local static file.
"""

import logging
from pathlib import Path

from django.contrib.staticfiles import finders

STYLESHEET = "atlas/css/atlas.css"
# The planning pages' own rules (the report's first page among them), after the atlas's.
STYLESHEETS = (STYLESHEET, "atlas/css/planning.css")
# WeasyPrint logs every screen-only CSS property it does not support (overflow, filter, …) as a
# warning; the report's print rules are what matter, so only errors are passed on.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


def _local_only(url, *args, **kwargs):
    # WeasyPrint (Pango, HarfBuzz) is loaded on the first PDF, not with every process.
    from weasyprint import default_url_fetcher

    if url.startswith("file://") or url.startswith("data:"):
        return default_url_fetcher(url, *args, **kwargs)
    raise ValueError(f"report PDF: refusing to fetch {url}")


def render_pdf(html):
    # WeasyPrint is loaded on the first PDF, not with every process.
    from weasyprint import CSS, HTML

    stylesheet = finders.find(STYLESHEET)
    sheets = [CSS(filename=path, url_fetcher=_local_only) for path in map(finders.find, STYLESHEETS) if path]
    base = Path(stylesheet).parent.as_uri() + "/" if stylesheet else None
    return HTML(string=html, base_url=base, url_fetcher=_local_only).write_pdf(stylesheets=sheets)
