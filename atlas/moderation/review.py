"""A coordinator corrects a proposal before deciding about it: with the form and the checks its editors
use (organisations: OrganisationEditForm; meeting places and events: the fields of their proposal
form with the model's checks), or, for a proposed correction, the proposed values themselves.

A new entry's edits go into the pending entry (recorded in its history as the coordinator's); the
submission keeps what was sent. A correction's payload gets the edited values, and keeps what was
sent under "submitted_fields". Nothing is saved once the submission is decided (AlreadyDecided)."""

from django import forms
from django.db import transaction

from atlas.directory.models import MeetingPlace, MeetingPlaceType, Organisation, PublicationStatus
from atlas.directory.translations import TranslationFormMixin
from atlas.events.models import Event
from atlas.moderation import services
from atlas.moderation.forms import (
    EVENT_FIELDS,
    MEETING_PLACE_FIELDS,
    DateTimeInput,
    OrganisationEditForm,
    correction_fields,
    formfield,
    proposed_changes,
)
from atlas.moderation.models import Submission
from atlas.moderation.widgets import LanguageCheckboxes

REVIEW_REASON = "Vorschlag vor der Annahme bearbeitet"


class MeetingPlaceReviewForm(TranslationFormMixin, forms.ModelForm):
    class Meta:
        formfield_callback = formfield
        model = MeetingPlace
        fields = MEETING_PLACE_FIELDS

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["place_type"].queryset = MeetingPlaceType.objects.order_by("position", "name")


class EventReviewForm(forms.ModelForm):
    """The event proposal's fields (and the topics), any organisation as organiser."""

    class Meta:
        formfield_callback = formfield
        model = Event
        fields = [*EVENT_FIELDS, "topics"]
        widgets = {"start": DateTimeInput(), "end": DateTimeInput(), "languages": LanguageCheckboxes,
                   "topics": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
        self.fields["meeting_place"].queryset = MeetingPlace.objects.published().order_by("name")
        organisations = Organisation.objects.exclude(status=PublicationStatus.ARCHIVED)
        self.fields["organiser"].queryset = organisations.order_by("name")
        self.fields["languages"].queryset = self.fields["languages"].queryset.order_by("german_name")
        self.fields["topics"].label_from_instance = lambda topic: topic.label

    def clean(self):
        cleaned = super().clean()
        # Moved to a meeting place without an address of its own: the old address's point goes too
        # (Event.clean refuses a meeting place beside an own address or point).
        if cleaned.get("meeting_place") and not cleaned.get("street") and not cleaned.get("postcode"):
            self.instance.location = None
        return cleaned


class CorrectionReviewForm(forms.Form):
    """The proposed values of a correction (the entry's own where nothing was proposed)."""

    def __init__(self, *args, entry, proposed, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.entry = entry
        self.fields.update(correction_fields(entry, proposed))


FORMS = {
    Submission.Kind.NEW_ORGANISATION: OrganisationEditForm,
    Submission.Kind.NEW_MEETING_PLACE: MeetingPlaceReviewForm,
    Submission.Kind.NEW_EVENT: EventReviewForm,
    Submission.Kind.CORRECTION: CorrectionReviewForm,
}


def review_form(submission, data=None):
    """The form to correct ``submission`` with, bound to ``data`` when given."""
    entry = services.submission_entry(submission)
    if submission.kind == Submission.Kind.CORRECTION:
        proposed = (submission.payload or {}).get("fields", {})
        return CorrectionReviewForm(data, entry=entry, proposed=proposed)
    return FORMS[submission.kind](data, instance=entry)


def _lock_pending(submission):
    """Inside a transaction: the submission's row, locked, while it is pending; else AlreadyDecided."""
    if not Submission.objects.select_for_update().filter(pk=submission.pk,
                                                         status=Submission.Status.PENDING).exists():
        raise services.AlreadyDecided


def save_review(submission, form, user):
    """Stores the coordinator's corrections (see the module docstring). A changed address is geocoded
    before the transaction."""
    if submission.kind == Submission.Kind.CORRECTION:
        payload = dict(submission.payload or {})
        payload.setdefault("submitted_fields", payload.get("fields", {}))
        changes = proposed_changes(form.entry, form.cleaned_data)
        payload["fields"] = {name: services.json_value(value) for name, value in changes.items()}
        with transaction.atomic():
            _lock_pending(submission)
            Submission.objects.filter(pk=submission.pk).update(payload=payload)
        submission.payload = payload
        return submission
    entry = form.save(commit=False)
    if {"street", "postcode"} & set(form.changed_data):
        services.locate(entry)
    entry._history_user = user
    entry._change_reason = REVIEW_REASON
    with transaction.atomic():
        _lock_pending(submission)
        entry.save()
        form.save_m2m()
    return submission
