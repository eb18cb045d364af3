"""Checks shared by the test folders (factories: tests/factories.py)."""

import re

# An inline <script>: one without src that is not JSON data (application/json, application/ld+json).
# The Content-Security-Policy forbids them (config/settings.py).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE)
