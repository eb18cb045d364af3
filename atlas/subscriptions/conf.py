"""The settings of area subscriptions, read here only, at call time (tests override them).
Their values and environment variables are defined once, in config/settings.py."""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext


def confirmation_days():
    """How long a confirmation link is valid; unconfirmed subscriptions are deleted after it."""
    return int(settings.ATLAS_SUBSCRIPTION_CONFIRMATION_DAYS)


def confirmation_max_age():
    return timedelta(days=confirmation_days())


def digest_interval_days():
    """A subscriber gets at most one digest in this many days."""
    return int(settings.ATLAS_DIGEST_INTERVAL_DAYS)


def subscribe_rate():
    """Subscriptions per client, as a throttle rate ("5/hour"): common.throttling."""
    return settings.ATLAS_SUBSCRIBE_THROTTLE


def subscribe_rate_text():
    """The rate in words of the active language: "5 pro Stunde"."""
    count, period = subscribe_rate().split("/")
    words = {"s": gettext("%(count)s pro Sekunde"), "m": gettext("%(count)s pro Minute"),
             "h": gettext("%(count)s pro Stunde"), "d": gettext("%(count)s pro Tag")}
    return words[period.strip()[0]] % {"count": count.strip()}


def confirmation_mails_per_address():
    """Confirmation mails to one address within a day; further requests send nothing."""
    return int(settings.ATLAS_SUBSCRIPTION_MAILS_PER_ADDRESS)


def site_url():
    """The site's address for links in digests sent by the command (no request to ask)."""
    return settings.ATLAS_SITE_URL.rstrip("/")
