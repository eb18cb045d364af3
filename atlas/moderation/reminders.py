"""Verification reminders: entries whose data were last verified more than 12 months ago are "stale".
Coordinators see them on a page; each editor gets one digest mail listing all their stale
organisations, at most one per ATLAS_REMINDER_INTERVAL_DAYS (recorded in VerificationReminder).

An entry never verified counts from its creation, so fresh entries are not flagged at once.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from atlas.directory.models import MeetingPlace, Organisation
from atlas.moderation.conf import reminder_interval_days, stale_after_days
from atlas.moderation.models import VerificationReminder
from atlas.roles.models import OrganisationEditor


def stale_filter(now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=stale_after_days())
    return Q(last_verified__lt=cutoff.date()) | Q(last_verified__isnull=True, created__lt=cutoff)


def stale_entries(model, now=None):
    """Published entries of `model` due for verification, the longest unverified first."""
    return (model.objects.published().filter(stale_filter(now))
            .order_by("last_verified", "created", "name"))


def stale_organisations(now=None):
    return stale_entries(Organisation, now)


def stale_meeting_places(now=None):
    return stale_entries(MeetingPlace, now)


@dataclass
class Digest:
    user: object
    organisations: list = field(default_factory=list)


def due_digests(now=None):
    """One Digest per editor with stale organisations who has had no digest within the interval."""
    now = now or timezone.now()
    stale_ids = set(stale_organisations(now).values_list("pk", flat=True))
    if not stale_ids:
        return []
    recently = set(VerificationReminder.objects.filter(sent__gte=now - timedelta(days=reminder_interval_days()))
                   .values_list("user_id", flat=True))
    digests = {}
    links = (OrganisationEditor.objects.filter(organisation_id__in=stale_ids)
             .select_related("user", "organisation").order_by("organisation__name"))
    for link in links:
        user = link.user
        if user.pk in recently or not user.is_active or not user.email:
            continue
        digests.setdefault(user.pk, Digest(user=user)).organisations.append(link.organisation)
    return sorted(digests.values(), key=lambda digest: digest.user.pk)


def send_digest(digest, base_url=""):
    context = {"user": digest.user, "organisations": digest.organisations, "base_url": base_url.rstrip("/"),
               "months": round(stale_after_days() / 30.4)}
    with translation.override("de"):
        subject = render_to_string("moderation/mail/reminder_subject.txt", context).strip()
        body = render_to_string("moderation/mail/reminder.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [digest.user.email])
    return VerificationReminder.objects.create(
        user=digest.user, organisations=[organisation.slug for organisation in digest.organisations])


def send_verification_reminders(now=None, base_url="", dry_run=False):
    """Sends the due digests; returns them."""
    digests = due_digests(now)
    if not dry_run:
        for digest in digests:
            send_digest(digest, base_url=base_url)
    return digests


def last_reminders(users):
    """{user_id: datetime of the last digest} for the given users."""
    result = {}
    ids = [user.pk for user in users]
    for reminder in VerificationReminder.objects.filter(user_id__in=ids).order_by("sent"):
        result[reminder.user_id] = reminder.sent
    return result


def editors_by_organisation(organisations):
    ids = [organisation.pk for organisation in organisations]
    result = {}
    for link in OrganisationEditor.objects.filter(organisation_id__in=ids).select_related("user"):
        result.setdefault(link.organisation_id, []).append(link.user)
    return result
