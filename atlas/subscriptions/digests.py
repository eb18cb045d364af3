"""The digest run (python manage.py send_area_digests, daily from cron): deletes unconfirmed
subscriptions whose link has expired, records what was newly published, and mails each confirmed
subscription that is due the news of its area — none when nothing is new.

A subscription is due when it has had no digest on the last ATLAS_DIGEST_INTERVAL_DAYS - 1 calendar days
(in the site's time zone), so a daily run at any hour sends at most one digest a week. Running twice
sends nothing twice: a subscription is claimed (its last digest set) before its mail goes out, by an
update that only one of two parallel runs can win; a mail that fails is un-claimed and tried next run.
"""

import datetime
import logging

from django.db.models import Q
from django.utils import timezone

from atlas.subscriptions import mails
from atlas.subscriptions.conf import confirmation_max_age, digest_interval_days
from atlas.subscriptions.models import AreaSubscription, DigestRun
from atlas.subscriptions.news import news_for, record_appearances

log = logging.getLogger(__name__)


def delete_expired(now):
    """Deletes the subscriptions never confirmed within the link's validity; returns how many."""
    expired = AreaSubscription.objects.filter(confirmed__isnull=True, created__lt=now - confirmation_max_age())
    _, per_model = expired.delete()
    return per_model.get(AreaSubscription._meta.label, 0)


def due_subscriptions(now):
    """Confirmed subscriptions without a digest on the last interval - 1 local calendar days."""
    today = timezone.localdate(now)
    cutoff = datetime.datetime.combine(today - datetime.timedelta(days=digest_interval_days() - 1),
                                       datetime.time.min, tzinfo=timezone.get_default_timezone())
    return (AreaSubscription.objects.filter(confirmed__isnull=False)
            .filter(Q(last_digest__isnull=True) | Q(last_digest__lt=cutoff))
            .select_related("ortsteil").order_by("pk"))


def _claim(subscription, now):
    """Sets the last digest if no other run did meanwhile; True when this run may send."""
    return AreaSubscription.objects.filter(pk=subscription.pk, last_digest=subscription.last_digest).update(
        last_digest=now, news_since=now) == 1


def _release(subscription):
    AreaSubscription.objects.filter(pk=subscription.pk).update(
        last_digest=subscription.last_digest, news_since=subscription.news_since)


def send_digest_if_news(subscription, now, base_url):
    """Sends the subscription's digest when its area has news; True when a mail went out."""
    news = news_for(subscription, now)
    if not news or not _claim(subscription, now):
        return False
    try:
        mails.send_digest(subscription, news, base_url)
    except Exception:  # SMTP down, refused address, …: tried again at the next run
        log.exception("area digest for subscription %s not sent", subscription.pk)
        _release(subscription)
        return False
    return True


def run_digests(base_url, now=None):
    """One run; returns its DigestRun with the counts."""
    now = now or timezone.now()
    run = DigestRun.objects.create(started=now)
    run.expired_deleted = delete_expired(now)
    run.new_entries = record_appearances(now)
    due = list(due_subscriptions(now))
    run.subscriptions_due = len(due)
    run.digests_sent = sum(send_digest_if_news(subscription, now, base_url) for subscription in due)
    run.finished = timezone.now()
    run.save()
    return run
