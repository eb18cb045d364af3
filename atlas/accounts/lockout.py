"""The login lockout (django-axes): failed logins count per username and per client address separately,
each against its own limit, within the last AXES_COOLOFF_TIME.

* A username is locked after settings.AXES_FAILURE_LIMIT failures, from whatever addresses they came:
  guessing one password from many addresses does not help.
* A client address is locked after settings.ATLAS_LOGIN_FAILURES_PER_ADDRESS failures, for whatever
  usernames they came: spraying a few guesses over many accounts does not help. The address limit is
  higher, since people behind one address (a shelter's or a school's network) share it.

The client address is common.clients.client_address (settings.ATLAS_TRUSTED_PROXIES), so clients behind
one trusted reverse proxy are told apart and a made-up X-Forwarded-For changes nothing.

django-axes compares one failure count with one limit; ``get_failures`` therefore gives the address's
failures in units of the username limit, so the address reaches that limit exactly at its own.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

from common.clients import UNKNOWN, client_address


def client_ip(request):
    """AXES_CLIENT_IP_CALLABLE: the client address, None when there is none (axes stores an IP field)."""
    address = client_address(request)
    return None if address == UNKNOWN else address


class LoginLockoutHandler(AxesDatabaseHandler):
    """AXES_HANDLER: axes' database handler with separate limits per username and per address."""

    def _recent_failures(self, request, **lookup):
        attempts = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request), **lookup)
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def get_failures(self, request, credentials=None):
        username = get_client_username(request, credentials)
        by_username = self._recent_failures(request, username=username) if username else 0
        by_address = self._recent_failures(request, ip_address=request.axes_ip_address)
        username_limit = get_failure_limit(request, credentials)
        address_limit = max(1, settings.ATLAS_LOGIN_FAILURES_PER_ADDRESS)
        return max(by_username, by_address * username_limit // address_limit)

    def reset_user_attempts(self, request, credentials=None):
        """After a successful login (AXES_RESET_ON_SUCCESS) the username's failures are forgotten, not
        the address's: signing in to an account of one's own does not reset a spraying client."""
        username = get_client_username(request, credentials)
        if not username:
            return 0
        deleted, _ = AccessAttempt.objects.filter(username=username).delete()
        return deleted


def clear_lockout(user):
    """Forgets the failed logins counted against the account (by its username and, for logins typed as
    its address, by that address in lower case; see atlas.accounts.backends.lockout_username), not
    those of any client address: after a password reset through the mailed link, the owner may log in
    at once with the new password. Returns the number of records removed."""
    names = {user.get_username()}
    if user.email:
        names.add(user.email.strip().lower())
    deleted, _ = AccessAttempt.objects.filter(username__in=names).delete()
    return deleted
