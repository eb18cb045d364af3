"""Confirming an account's e-mail address with a signed, expiring link.

A link names the account, the address it was sent to and whether following it may activate a fresh
sign-up. django.core.signing signs it with SECRET_KEY, so it cannot be forged or altered, and it
expires after settings.ATLAS_EMAIL_CONFIRMATION_DAYS. Following it needs the account's password as
well: the owner of an address someone else signed up with gets that person's link, and neither she
nor a mail scanner that fetches every link can activate the stranger's account.

Only a confirmed address links data to an account (confirmed_email()): the data download matches
proposals by it. An address that changes is unconfirmed until its own link is followed; setting a
new password through the reset link sent to the address confirms it too.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone

from atlas.accounts.models import ConfirmedEmail

SALT = "atlas.accounts.confirm-email"


class LinkError(Exception):
    """A confirmation link that cannot be used; `problem` is "invalid" or "expired"."""

    def __init__(self, problem):
        super().__init__(problem)
        self.problem = problem


def make_token(user, activate=False):
    return signing.dumps([user.pk, user.email, bool(activate)], salt=SALT)


def max_age():
    return timedelta(days=settings.ATLAS_EMAIL_CONFIRMATION_DAYS)


def _same_address(first, second):
    return bool(first) and first.lower() == second.lower()


def confirmed_email(user):
    """The user's address if it is confirmed, else ""."""
    try:
        record = user.confirmed_email
    except ConfirmedEmail.DoesNotExist:
        return ""
    return user.email if _same_address(user.email, record.email) else ""


def confirmed_since(user):
    return user.confirmed_email.confirmed if confirmed_email(user) else None


def read_token(token):
    """The account and the activate flag of a link; LinkError if it is forged, altered, expired, or
    names an address the account no longer has, or an account that was deactivated."""
    try:
        pk, email, activate = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    user = get_user_model()._default_manager.filter(pk=pk).first()
    if user is None or user.email != email:
        raise LinkError("invalid")
    if not user.is_active and not (activate and not ConfirmedEmail.objects.filter(user=user).exists()):
        # Only a sign-up that was never confirmed becomes active by its link, never a deactivated account.
        raise LinkError("invalid")
    return user, activate


def confirm_address(user, activate=False):
    """Records the user's current address as confirmed; a fresh sign-up (`activate`) becomes active."""
    record, _ = ConfirmedEmail.objects.update_or_create(
        user=user, defaults={"email": user.email, "confirmed": timezone.now()})
    user.confirmed_email = record
    if activate and not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return record
