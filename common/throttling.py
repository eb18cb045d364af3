"""One throttle for the whole API: per signed-in user, otherwise per client address
(common.clients.client_address, so one trusted-proxy setting governs every limit)."""

from rest_framework.throttling import SimpleRateThrottle

from common.clients import client_address


class ClientRateThrottle(SimpleRateThrottle):
    """Subclasses set ``scope`` and ``get_rate()``. Logged-in users are limited per user, everyone else
    per client address: signing in never lifts a limit."""

    def get_ident(self, request):
        return client_address(request)

    def get_cache_key(self, request, view):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ident = f"user-{user.pk}"
        else:
            ident = f"addr-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
