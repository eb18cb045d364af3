"""Spam protection of the public forms without third-party services.

- a honeypot field people never see (hidden by CSS) and bots fill in;
- a signed timestamp: a form sent sooner than ATLAS_MIN_FILL_SECONDS after it was shown is refused,
  and each timestamp is good for one stored proposal (UsedFormToken);
- a limit of ATLAS_SUBMISSIONS_PER_HOUR submissions per sender address. The address itself is never
  stored, only a salted hash of it (Submission.sender_hash, keyed with SECRET_KEY).

The form checks all of these early (forms.ProposalMixin.clean), before the address is geocoded; admit()
checks the timestamp and the limit again inside the transaction that stores the proposal, where
parallel requests cannot both pass.
"""

import hashlib
import time
from datetime import timedelta

from django import forms
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from atlas.moderation.conf import max_form_age_seconds, submissions_per_hour
from atlas.moderation.models import Submission, UsedFormToken
from common.clients import client_address

TIMESTAMP_SALT = "atlas.moderation.form-started"
HONEYPOT = "contact_url"  # the name the shared form template hides (accounts/_form.html)




def new_timestamp(now=None):
    return signing.dumps(now if now is not None else time.time(), salt=TIMESTAMP_SALT)



def seconds_since(token, now=None):
    """Seconds since the signed timestamp was issued, or None when it is missing, forged or too old."""
    try:
        started = float(signing.loads(token or "", salt=TIMESTAMP_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    elapsed = (now if now is not None else time.time()) - started
    if not 0 <= elapsed <= max_form_age_seconds():
        return None
    return elapsed


def sender_hash(request):
    return salted_hmac("atlas.moderation.sender", client_address(request), algorithm="sha256").hexdigest()


def token_digest(token):
    return hashlib.sha256((token or "").encode()).hexdigest()


def token_used(token):
    """Whether a stored proposal came with this timestamp already."""
    return UsedFormToken.objects.filter(digest=token_digest(token)).exists()


def rate_limited(hash_value, now=None):
    since = (now or timezone.now()) - timedelta(hours=1)
    return Submission.objects.filter(sender_hash=hash_value, created__gte=since).count() >= submissions_per_hour()


class Refused(Exception):
    """A proposal refused while it was being stored; `code` is the form's refusal code."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


# Namespace of the PostgreSQL advisory locks taken per sender (the first key of the two-key form).
SENDER_LOCK_NAMESPACE = 0x5350414D  # "SPAM"


def lock_sender(hash_value):
    """Makes the transaction the only one storing a proposal of this sender until it ends.

    PostgreSQL: a transaction-level advisory lock keyed by the sender hash; a second request of the
    same sender waits at this line until the first commits, and then counts its submission. SQLite: the
    transaction already holds the database's write lock from its first statement on (settings:
    transaction_mode IMMEDIATE), so writers are serialised anyway.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError("lock_sender() needs a transaction")
    if connection.vendor == "postgresql":
        key = int.from_bytes(bytes.fromhex(hash_value[:8]), "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [SENDER_LOCK_NAMESPACE, key])


def use_token(token, now=None):
    """Records the timestamp as used (forgetting those too old to be accepted anyway); raises
    Refused("expired") when it was used before, also by a request storing at the same moment."""
    now = now or timezone.now()
    UsedFormToken.objects.filter(used__lt=now - timedelta(seconds=max_form_age_seconds())).delete()
    try:
        with transaction.atomic():
            UsedFormToken.objects.create(digest=token_digest(token))
    except IntegrityError:
        raise Refused("expired") from None


def admit(token, hash_value):
    """Inside the transaction that stores a proposal: uses up its timestamp and counts it against the
    sender's limit, or raises Refused (and the transaction stores nothing)."""
    lock_sender(hash_value)
    use_token(token)
    if rate_limited(hash_value):
        raise Refused("rate_limit")


class GuardedFormMixin:
    """The honeypot and the signed timestamp of a public form, and its refusals: the form class names
    its messages in `refusals` ({code: text}), calls add_guard_fields() in __init__ and checks them in
    its own clean(); `refusal` tells which check refused."""

    refusals = {}
    refusal = None

    def add_guard_fields(self, started_required=True):
        self.fields[HONEYPOT] = forms.CharField(label=_("Bitte dieses Feld leer lassen"), required=False,
                                                widget=forms.TextInput(attrs={"autocomplete": "off",
                                                                              "tabindex": "-1"}))
        self.fields["started"] = forms.CharField(widget=forms.HiddenInput, initial=new_timestamp,
                                                 required=started_required)

    def refuse(self, code):
        """Refuses the whole form with the message of `code` (a stale timestamp is renewed for the next try)."""
        self.refusal = code
        if code == "expired":
            self._fresh_timestamp()
        self.add_error(None, forms.ValidationError(self.refusals[code], code=code))

    def _fresh_timestamp(self):
        self.data = self.data.copy()
        self.data["started"] = new_timestamp()
