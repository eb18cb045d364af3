"""Subscriptions per client: the site's one throttle (common.throttling, per client address as
common.clients decides it, per user when signed in), at ATLAS_SUBSCRIBE_THROTTLE."""

from atlas.subscriptions.conf import subscribe_rate
from common.throttling import ClientRateThrottle


class SubscribeThrottle(ClientRateThrottle):
    scope = "area-subscription"

    def get_rate(self):
        return subscribe_rate()


def subscription_allowed(request):
    """Counts one subscription of this client; False when it is over the limit."""
    return SubscribeThrottle().allow_request(request, None)
