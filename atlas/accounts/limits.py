"""At most a few account mails (confirmation links, sign-up notes, password resets) per address and
per client within an hour: settings.ATLAS_ACCOUNT_MAILS_PER_ADDRESS and ATLAS_ACCOUNT_MAILS_PER_CLIENT.

The counters live in the cache, keyed by a keyed hash of the address (the address itself is not
stored) and by common.clients.client_address. Every request counts, whether or not the address has
an account, so the limit says nothing about accounts; a limited request simply sends no mail and
answers as always. When the cache cannot be reached, no mail is sent either (logged), and the
request still answers.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from common.clients import client_address

WINDOW_SECONDS = 3600
KEY_SALT = "atlas.accounts.mail-limit"
log = logging.getLogger(__name__)


def _count(key):
    """Counts one more mail under `key` in the current window and returns the count."""
    if cache.add(key, 1, WINDOW_SECONDS):
        return 1
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    if not isinstance(count, int):
        raise TypeError(f"cache counter {key} is {count!r}")
    return count


def mail_allowed(request, email):
    """Whether another account mail to `email`, asked for by this client, may go out now."""
    address = salted_hmac(KEY_SALT, email.strip().lower()).hexdigest()
    try:
        to_address = _count(f"atlas:account-mail:address:{address}")
        from_client = _count(f"atlas:account-mail:client:{client_address(request)}")
    except Exception:  # any cache failure (connection refused, timeout, …): send nothing, answer anyway
        log.exception("account mail limit: cache unavailable, no mail sent")
        return False
    return (to_address <= settings.ATLAS_ACCOUNT_MAILS_PER_ADDRESS
            and from_client <= settings.ATLAS_ACCOUNT_MAILS_PER_CLIENT)
