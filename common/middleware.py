"""Site-wide answers to faults of the infrastructure, instead of a server error."""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from common.read_only import is_read_only_error

logger = logging.getLogger(__name__)

# Seconds after which a client may try a refused write again (HTTP Retry-After).
READ_ONLY_RETRY_AFTER = 300


class ReadOnlyDatabaseMiddleware:
    """A view whose write the read-only database refused answers 503 with Retry-After: a translated
    page (templates/503_read_only.html), or ``{"detail": …}`` under /api/. Reads never reach here; every
    other error passes on unchanged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_read_only_error(exception):
            return None
        logger.warning("Write refused by the read-only database: %s %s (%s)",
                       request.method, request.path, exception)
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": _(
                "Der Atlas ist vorübergehend nur lesbar: Änderungen werden gerade nicht gespeichert. "
                "Bitte versuchen Sie es später noch einmal.")}, status=503)
        else:
            response = render(request, "503_read_only.html", status=503)
        response["Retry-After"] = str(READ_ONLY_RETRY_AFTER)
        return response
