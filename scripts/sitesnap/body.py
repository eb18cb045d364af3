"""A response as comparable text: status, the headers that matter, and the body by content type (JSON
sorted and indented, HTML as htmltext extracts it, CSV/ICS/YAML as text, XLSX cells, PDF text).

What differs per request is normalised: CSRF tokens and CSP nonces, session ids and the Date header
are left out or replaced, DTSTAMP lines dropped; "now" itself is frozen (env.FROZEN_NOW).
"""

import hashlib
import io
import json
import re

from .htmltext import html_sections

HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Location", "Allow", "Vary", "Cache-Control",
           "Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options",
           "Cross-Origin-Opener-Policy", "Retry-After", "WWW-Authenticate")
NONCE = re.compile(r"nonce-[A-Za-z0-9+/=_-]+")
# Keys of JSON bodies whose value differs per request: "now" (frozen anyway; replaced should the
# freeze ever miss one) and the measured computing time of the coverage analysis.
NOW_KEYS = {"generated_at", "computed_at", "exported", "duration_ms"}
JSON_TYPES = ("application/json", "application/geo+json", "application/vnd.oai.openapi+json",
              "application/problem+json", "application/ld+json")
TEXT_TYPES = ("text/csv", "text/plain", "text/javascript", "application/javascript", "application/yaml",
              "application/vnd.oai.openapi", "text/yaml", "application/x-yaml")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def content_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def headers_of(response):
    lines = [f"status: {response.status_code}"]
    for name in HEADERS:
        if response.has_header(name):
            value = NONCE.sub("nonce-<nonce>", response[name])
            if name == "Content-Security-Policy":  # directives in no fixed order
                value = "; ".join(sorted(part.strip() for part in value.split(";")))
            lines.append(f"{name}: {value}")
    return lines


def scrub_json(value):
    if isinstance(value, dict):
        return {key: "<now>" if key in NOW_KEYS else scrub_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub_json(item) for item in value]
    return value


def dump_json(value):
    """Sorted and indented; coordinate arrays on one line each (GeoJSON stays readable and small)."""
    text = json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False)
    return re.sub(r"\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]", r"[\1, \2]", text)


def ics_text(text):
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    return "\n".join(line for line in unfolded.splitlines() if not line.startswith("DTSTAMP"))


def xlsx_text(content):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"## sheet {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            lines.append("\t".join("" if cell is None else str(cell) for cell in row))
    return "\n".join(lines)


def pdf_text(content):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    pages = [f"## page {number}\n{page.extract_text() or ''}" for number, page in enumerate(reader.pages, 1)]
    return f"{len(reader.pages)} pages\n" + "\n".join(pages)


def body_sections(response, static_url):
    """→ (kind, main text, assets text)."""
    content = content_of(response)
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if not content:
        return "empty", "", ""
    text = content.decode("utf-8-sig", errors="replace")
    if content_type in JSON_TYPES or content_type.endswith("+json"):
        try:
            return "json", dump_json(scrub_json(json.loads(text))), ""
        except ValueError:
            return "text (invalid JSON)", text, ""
    if content_type == "text/html":
        main, assets = html_sections(text, static_url)
        return "html", main, assets
    if content_type == "text/calendar":
        return "ics", ics_text(text), ""
    if content_type == XLSX:
        return "xlsx", xlsx_text(content), ""
    if content_type == "application/pdf":
        return "pdf", pdf_text(content), ""
    if content_type in TEXT_TYPES or content_type.startswith("text/"):
        return "text", NONCE.sub("nonce-<nonce>", text), ""
    return "binary", f"{len(content)} bytes, sha256 {hashlib.sha256(content).hexdigest()}", ""
