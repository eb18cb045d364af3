"""Everything the atlas holds about a user, as one JSON-serialisable dict (GDPR Art. 15 and 20).

Data given with an e-mail address (proposals; login records of the address) belongs to the account
only through its confirmed address (atlas.accounts.confirmation): anyone may type any address.
"""

from axes.models import AccessAttempt, AccessLog
from django.db.models import Q
from django.utils import timezone

from atlas.accounts.confirmation import confirmed_email, confirmed_since
from atlas.directory.models import MeetingPlace, Organisation
from atlas.events.models import Event
from atlas.moderation.models import Submission, VerificationReminder


def _iso(value):
    return value.isoformat() if value else None


def _history_entries(user):
    entries = []
    for model in (Organisation, MeetingPlace, Event):
        for record in model.history.filter(history_user=user).order_by("history_date"):
            changes = []
            previous = record.prev_record
            if previous is not None:
                changes = [change.field for change in record.diff_against(previous).changes]
            entries.append({
                "model": model._meta.model_name,
                "object_id": record.id,
                "object": str(record.instance),
                "date": _iso(record.history_date),
                "type": record.get_history_type_display(),
                "changed_fields": changes,
                "reason": record.history_change_reason or "",
            })
    return entries


def _organisation(link):
    organisation = link.organisation
    return {
        "name": organisation.name,
        "slug": organisation.slug,
        "status": organisation.status,
        "editor_since": _iso(link.added),
        "short_description": organisation.short_description,
        "street": organisation.street,
        "postcode": organisation.postcode,
        "email": organisation.email,
        "phone": organisation.phone,
        "website": organisation.website,
        "consent_publish_contact": organisation.consent_publish_contact,
        "consent_publish_address": organisation.consent_publish_address,
        "last_verified": _iso(organisation.last_verified),
    }


def _login_names(user):
    """django-axes records attempts under the name typed: the username, or (see
    atlas.accounts.backends.lockout_username) an address; the address counts only when confirmed."""
    names = Q(username=user.get_username())
    address = confirmed_email(user)
    return names | Q(username__iexact=address) if address else names


def _login_records(user):
    return {
        "logins": [{"at": _iso(log.attempt_time), "logout": _iso(log.logout_time), "ip_address": log.ip_address,
                    "user_agent": log.user_agent}
                   for log in AccessLog.objects.filter(_login_names(user)).order_by("attempt_time")],
        "failed_logins": [{"at": _iso(attempt.attempt_time), "failures": attempt.failures_since_start,
                           "ip_address": attempt.ip_address}
                          for attempt in AccessAttempt.objects.filter(_login_names(user))],
    }


def user_data(user):
    links = user.organisation_links.select_related("organisation").order_by("organisation__name")
    address = confirmed_email(user)
    submissions = Submission.objects.filter(submitter_email__iexact=address) if address else []
    return {
        "exported": _iso(timezone.now()),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "email_confirmed": _iso(confirmed_since(user)),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "organisations": [_organisation(link) for link in links],
        "history": _history_entries(user),
        "submissions": [{"kind": s.kind, "status": s.status, "created": _iso(s.created), "payload": s.payload,
                         "submitter_name": s.submitter_name, "submitter_email": s.submitter_email,
                         "reason": s.reason} for s in submissions],
        "verification_reminders": [{"sent": _iso(r.sent), "organisations": r.organisations}
                                   for r in VerificationReminder.objects.filter(user=user)],
        **_login_records(user),
    }


def delete_user(user):
    """Deletes the account: its editor links, reminders and confirmed address go with it (CASCADE),
    the organisations stay, history entries the user made stay without the user (SET_NULL), login
    records go. Proposals stay: they were given without the account (the privacy notice says how
    their senders get them deleted)."""
    AccessAttempt.objects.filter(_login_names(user)).delete()
    AccessLog.objects.filter(_login_names(user)).delete()
    user.delete()
