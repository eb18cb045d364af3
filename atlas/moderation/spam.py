"""Spam protection of the public forms without third-party services.

- a honeypot field people never see (hidden by CSS) and bots fill in;
- a signed timestamp: a form sent sooner than ATLAS_MIN_FILL_SECONDS after it was shown is refused;
- a limit of ATLAS_SUBMISSIONS_PER_HOUR submissions per sender address. The address itself is never
  stored, only a salted hash of it (Submission.sender_hash, keyed with SECRET_KEY).
"""

import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import salted_hmac

TIMESTAMP_SALT = "atlas.moderation.form-started"


def min_fill_seconds():
    return float(getattr(settings, "ATLAS_MIN_FILL_SECONDS", 3))


def submissions_per_hour():
    return int(getattr(settings, "ATLAS_SUBMISSIONS_PER_HOUR", 5))


def new_timestamp(now=None):
    return signing.dumps(now if now is not None else time.time(), salt=TIMESTAMP_SALT)


def seconds_since(token, now=None):
    """Seconds since the signed timestamp was issued, or None when it is missing, forged or too old."""
    try:
        started = float(signing.loads(token or "", salt=TIMESTAMP_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    elapsed = (now if now is not None else time.time()) - started
    if not 0 <= elapsed <= getattr(settings, "ATLAS_MAX_FORM_AGE_SECONDS", 86400):
        return None
    return elapsed


def client_address(request):
    """REMOTE_ADDR; behind a reverse proxy the proxy must set it (no X-Forwarded-For trust here)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def sender_hash(request):
    return salted_hmac("atlas.moderation.sender", client_address(request), algorithm="sha256").hexdigest()


def rate_limited(hash_value, now=None):
    from atlas.models import Submission

    since = (now or timezone.now()) - timedelta(hours=1)
    return Submission.objects.filter(sender_hash=hash_value, created__gte=since).count() >= submissions_per_hour()
