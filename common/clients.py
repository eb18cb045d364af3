"""The client's address, decided in this one place for the whole site.

Proposals (per-sender limit), API throttles, password-reset limits and the login lockout
(django-axes, ``AXES_CLIENT_IP_CALLABLE``) all ask ``client_address(request)``.

``settings.ATLAS_TRUSTED_PROXIES`` says how many reverse proxies stand in front of the application
(default 0). With 0 the socket address (``REMOTE_ADDR``) counts and ``X-Forwarded-For`` is ignored, so
a client cannot choose its own address. With N > 0 the address is the N-th entry from the right of
``X-Forwarded-For``: the one the outermost trusted proxy saw. Entries further left were written by
the client and are never trusted.
"""

import ipaddress

from django.conf import settings

UNKNOWN = "unknown"


def _valid(address):
    address = (address or "").strip()
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def trusted_proxies():
    return max(0, int(settings.ATLAS_TRUSTED_PROXIES))


def client_address(request):
    """The address of the client that sent ``request`` (a string; ``"unknown"`` if there is none)."""
    proxies = trusted_proxies()
    if proxies:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            # The last `proxies` entries were appended by our proxies; the one they received from is
            # at position -proxies. With fewer entries than proxies, the leftmost is the best we know.
            address = _valid(forwarded[-min(proxies, len(forwarded))])
            if address:
                return address
    return _valid(request.META.get("REMOTE_ADDR")) or UNKNOWN
