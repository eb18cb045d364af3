"""The links of a subscription's mails, signed with SECRET_KEY (django.core.signing), so they cannot be
forged or altered: confirming expires after ATLAS_SUBSCRIPTION_CONFIRMATION_DAYS, unsubscribing never
(a digest read months later must still unsubscribe). Each names the subscription and its creation
time, so a link never reaches a later subscription that happened to get the same id."""

from django.core import signing

from atlas.subscriptions.conf import confirmation_max_age
from atlas.subscriptions.models import AreaSubscription

CONFIRM_SALT = "atlas.subscriptions.confirm"
UNSUBSCRIBE_SALT = "atlas.subscriptions.unsubscribe"


class LinkError(Exception):
    """A link that cannot be used; `problem` is "invalid" or "expired"."""

    def __init__(self, problem):
        super().__init__(problem)
        self.problem = problem


def _payload(subscription):
    return [subscription.pk, int(subscription.created.timestamp())]


def confirm_token(subscription):
    return signing.dumps(_payload(subscription), salt=CONFIRM_SALT)


def unsubscribe_token(subscription):
    return signing.dumps(_payload(subscription), salt=UNSUBSCRIBE_SALT)


def _subscription(payload):
    try:
        pk, created = payload
    except (TypeError, ValueError):
        raise LinkError("invalid") from None
    subscription = AreaSubscription.objects.filter(pk=pk).first()
    if subscription is None or int(subscription.created.timestamp()) != created:
        return None
    return subscription


def read_confirm_token(token):
    """The subscription to confirm (None if it was deleted meanwhile); LinkError when the link is
    forged, altered or expired."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=confirmation_max_age())
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    return _subscription(payload)


def read_unsubscribe_token(token):
    """The subscription to delete (None if it is gone already); LinkError for a forged link."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise LinkError("invalid") from None
    return _subscription(payload)
