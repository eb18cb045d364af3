"""What happens to a proposal: the pending entry it creates, the coordinator's decision, the mail to
the submitter. Called by the views and by tests alike."""

import datetime
import decimal

from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from atlas.events.models import Event
from atlas.geocoding.service import apply_geocode, geocode
from atlas.moderation import spam
from atlas.moderation.models import Submission


def unique_slug(model, text):
    base = slugify(text)[:100].strip("-") or "eintrag"
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def json_value(value):
    """Form values as JSON (the Submission's payload)."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple):
        return [json_value(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, GEOSGeometry):
        return value.wkt
    return value


def payload_of(form, names):
    return {name: json_value(form.cleaned_data.get(name)) for name in names if name in form.cleaned_data}


def locate(entry):
    """Geocodes the address of a new or changed entry (never a point set by hand)."""
    if entry.location_set_manually or not (entry.street or entry.postcode):
        return
    text = ", ".join(part for part in (entry.street, f"{entry.postcode} Berlin" if entry.postcode else "") if part)
    apply_geocode(entry, geocode(text))


def submit_entry(form, sender_hash):
    """A new organisation, meeting place or event from a public form: saved as pending (not public),
    with a Submission in the moderation queue. The address is geocoded first, outside the transaction
    (the geocoder may be a service on the network); inside it spam.admit() uses up the form's timestamp
    and counts the sender's proposals, or raises spam.Refused and nothing is stored."""
    entry = form.save(commit=False)
    model = type(entry)
    entry.status = PublicationStatus.PENDING
    if model is Event and entry.meeting_place_id:
        entry.street = entry.postcode = ""
    locate(entry)
    entry._change_reason = "Vorschlag über das öffentliche Formular"
    relation = {Organisation: "organisation", MeetingPlace: "meeting_place", Event: "event"}[model]
    names = [name for name in form.cleaned_data if name not in ("started", "contact_url", "privacy",
                                                                "submitter_name", "submitter_email")]
    with transaction.atomic():
        spam.admit(form.cleaned_data.get("started"), sender_hash)
        entry.slug = unique_slug(model, entry.title if model is Event else entry.name)
        entry.save()
        form.save_m2m()
        return Submission.objects.create(kind=form.kind_of_submission, payload=payload_of(form, names),
                                         sender_hash=sender_hash, **{relation: entry}, **form.submitter)


def submit_correction(form, entry, sender_hash):
    """A proposed correction of a published entry; refused like submit_entry()."""
    relation = "organisation" if isinstance(entry, Organisation) else "meeting_place"
    payload = {"fields": {name: json_value(value) for name, value in form.proposed_changes().items()},
               "message": form.cleaned_data["message"]}
    with transaction.atomic():
        spam.admit(form.cleaned_data.get("started"), sender_hash)
        return Submission.objects.create(kind=Submission.Kind.CORRECTION, payload=payload, sender_hash=sender_hash,
                                         **{relation: entry}, **form.submitter)


def submission_entry(submission):
    return submission.organisation or submission.meeting_place or submission.event


class AlreadyDecided(Exception):
    """Another coordinator decided about the submission first (or it was never pending)."""


def _decide(submission, user, status, reason):
    """Records the decision only while the submission is still pending: a conditional UPDATE, so of two
    coordinators deciding at once exactly one gets the row (PostgreSQL re-checks the condition after
    the other's lock; SQLite's transactions take the write lock at their start). Raises AlreadyDecided
    for the other, inside the caller's transaction, which then writes nothing."""
    fields = {"status": status, "reason": reason, "reviewed_by": user, "reviewed": timezone.now()}
    if not Submission.objects.filter(pk=submission.pk, status=Submission.Status.PENDING).update(**fields):
        raise AlreadyDecided
    for name, value in fields.items():
        setattr(submission, name, value)


def approve(submission, user, reason=""):
    """New entries are published (and count as verified today); a correction's proposed values are
    written into the published entry. Either change is recorded in the entry's history as the
    coordinator's. A changed address is geocoded before the transaction, the mail sent after it.
    Raises AlreadyDecided when the submission is no longer pending (nothing is written then)."""
    entry = submission_entry(submission)
    if entry is not None:
        entry._history_user = user
        if submission.kind == Submission.Kind.CORRECTION:
            changes = (submission.payload or {}).get("fields", {})
            for name, value in changes.items():
                setattr(entry, name, value)
            if {"street", "postcode"} & set(changes):
                locate(entry)
            entry._change_reason = "Korrektur angenommen"
        else:
            entry.status = PublicationStatus.PUBLISHED
            entry._change_reason = "Vorschlag angenommen"
        if hasattr(entry, "last_verified"):
            entry.last_verified = timezone.localdate()
    with transaction.atomic():
        _decide(submission, user, Submission.Status.APPROVED, reason)
        if entry is not None:
            entry.save()
    notify_submitter(submission)
    return submission


def reject(submission, user, reason):
    """A rejected new entry is archived (kept for the record, never public); a rejected correction
    changes nothing. The mail is sent after the transaction. Raises AlreadyDecided like approve()."""
    entry = submission_entry(submission)
    with transaction.atomic():
        _decide(submission, user, Submission.Status.REJECTED, reason)
        if entry is not None and submission.kind != Submission.Kind.CORRECTION \
                and entry.status != PublicationStatus.PUBLISHED:
            entry._history_user = user
            entry._change_reason = "Vorschlag abgelehnt"
            entry.status = PublicationStatus.ARCHIVED
            entry.save()
    notify_submitter(submission)
    return submission


def notify_submitter(submission):
    """Tells the submitter the decision (with the reason), if they left an e-mail address."""
    if not submission.submitter_email:
        return False
    entry = submission_entry(submission)
    context = {"submission": submission, "entry": entry,
               "approved": submission.status == Submission.Status.APPROVED}
    with translation.override("de"):
        subject = render_to_string("moderation/mail/decision_subject.txt", context).strip()
        body = render_to_string("moderation/mail/decision.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [submission.submitter_email])
    return True
