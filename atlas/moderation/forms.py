"""Forms of the public proposals, the moderation decision and the editors' edit view."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import Category, Language, MeetingPlace, MeetingPlaceType, Organisation, PublicationStatus
from atlas.directory.translations import TranslationFormMixin
from atlas.events.models import Event
from atlas.moderation import conf, spam
from atlas.moderation.models import Submission
from atlas.moderation.spam import HONEYPOT
from atlas.moderation.widgets import LanguageCheckboxes

ORGANISATION_FIELDS = [
    "name", "kind", "short_description", "description", "street", "postcode", "website", "email", "phone",
    "opening_hours_note", "wheelchair_access", "categories", "languages",
    "consent_publish_contact", "consent_publish_address",
]
MEETING_PLACE_FIELDS = [
    "name", "place_type", "short_description", "description", "street", "postcode", "website", "email", "phone",
    "opening_hours_note", "wheelchair_access", "bookable", "cost", "accessibility_note",
]
EVENT_FIELDS = [
    "title", "kind", "description", "start", "end", "meeting_place", "street", "postcode", "organiser",
    "organiser_name", "languages", "registration_url",
]
# What a correction may propose (the same for organisations and meeting places).
CORRECTION_FIELDS = ["name", "short_description", "street", "postcode", "website", "email", "phone",
                     "opening_hours_note"]
EDIT_FIELDS = [
    "name", "kind", "short_description", "description", "street", "postcode", "website", "email", "phone",
    "opening_hours_note", "wheelchair_access", "categories", "languages", "target_groups", "communities",
    "legal_form", "founded_year", "consent_publish_contact", "consent_publish_address",
]


def formfield(model_field, **kwargs):
    """Links typed without a scheme get https:// (Django 6's default, without its deprecation warning)."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


# Why a proposal was refused (ProposalMixin.refusal → message).
REFUSALS = {
    "honeypot": _("Der Vorschlag konnte nicht angenommen werden."),
    "expired": _("Das Formular war zu lange geöffnet. Bitte prüfen Sie die Angaben und senden Sie es erneut ab."),
    "too_fast": _("Das ging zu schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular erneut ab."),
    "rate_limit": _("Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Vorschläge. Bitte versuchen "
                    "Sie es später noch einmal."),
}


class ProposalMixin(spam.GuardedFormMixin):
    """Submitter fields, privacy consent and the spam protection of every public proposal form.

    The view passes `sender_hash`; clean() refuses a filled honeypot, a missing, stale or already used
    timestamp, a form sent too soon after it was shown and the sixth submission from one address within
    an hour. `refusal` tells which. Time and limit are checked only once every field is valid: a first
    submit with mistakes shows just those (the timestamp stays, or is renewed when it is no longer good,
    so the corrected form is timed from when it was first shown). The service checks timestamp and
    limit again while storing (spam.admit); the view passes its refusal to refuse().
    Required fields are marked aria-required (and, like Django does, required).
    """

    def __init__(self, *args, sender_hash="", account=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.sender_hash = sender_hash
        self.refusal = None
        # A logged-in person (an editor proposing an event, say) is named by their account unless they
        # give another name: the queue shows who proposed it.
        self.account = account if getattr(account, "is_authenticated", False) else None
        self.fields["submitter_name"] = forms.CharField(label=_("Ihr Name"), max_length=120, required=False,
                                                        initial=self._account_name())
        self.fields["submitter_email"] = forms.EmailField(
            label=_("Ihre E-Mail-Adresse"), required=False, initial=self.account.email if self.account else None,
            help_text=_("Freiwillig: nur für eine Rückmeldung zu Ihrem Vorschlag."))
        self.fields["privacy"] = forms.BooleanField(label=_(
            "Ich bin einverstanden, dass meine Angaben zur Prüfung gespeichert werden "
            "(siehe Datenschutzerklärung)."), error_messages={"required": _(
            "Ohne Ihr Einverständnis können wir den Vorschlag nicht prüfen.")})
        self.add_guard_fields(started_required=False)  # clean() refuses a missing timestamp
        for field in self.fields.values():
            if field.required and not field.widget.is_hidden:
                field.widget.attrs["aria-required"] = "true"

    refusals = REFUSALS

    def _refuse(self, code):
        self.refusal = code
        raise forms.ValidationError(REFUSALS[code], code=code)

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT):
            self._refuse("honeypot")
        elapsed = spam.seconds_since(self.data.get("started"))
        if elapsed is None or spam.token_used(self.data.get("started")):
            self._fresh_timestamp()
            if self._errors:
                return cleaned
            self._refuse("expired")
        if self._errors:  # the fields' own mistakes first; time and limit once they are right
            return cleaned
        if elapsed < conf.min_fill_seconds():
            self._refuse("too_fast")
        if spam.rate_limited(self.sender_hash):
            self._refuse("rate_limit")
        return cleaned

    def _account_name(self):
        if self.account is None:
            return None
        return (self.account.get_full_name() or self.account.get_username())[:120]

    @property
    def submitter(self):
        """Name and address as given; a logged-in person who left the name empty is named by the account."""
        return {"submitter_name": self.cleaned_data.get("submitter_name", "") or self._account_name() or "",
                "submitter_email": self.cleaned_data.get("submitter_email", "")}


class OrganisationProposalForm(ProposalMixin, forms.ModelForm):
    kind_of_submission = Submission.Kind.NEW_ORGANISATION

    class Meta:
        formfield_callback = formfield
        model = Organisation
        fields = ORGANISATION_FIELDS
        widgets = {"categories": forms.CheckboxSelectMultiple, "languages": LanguageCheckboxes}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = Category.objects.order_by("position", "name")
        self.fields["categories"].label_from_instance = lambda category: category.label
        self.fields["languages"].queryset = Language.objects.order_by("german_name")


class MeetingPlaceProposalForm(ProposalMixin, forms.ModelForm):
    kind_of_submission = Submission.Kind.NEW_MEETING_PLACE

    class Meta:
        formfield_callback = formfield
        model = MeetingPlace
        fields = MEETING_PLACE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place_type"].queryset = MeetingPlaceType.objects.order_by("position", "name")


class EventProposalForm(ProposalMixin, forms.ModelForm):
    """Anyone may propose an event; an editor may name one of their organisations as organiser."""

    kind_of_submission = Submission.Kind.NEW_EVENT

    class Meta:
        formfield_callback = formfield
        model = Event
        fields = EVENT_FIELDS
        widgets = {"start": DateTimeInput(), "end": DateTimeInput(), "languages": LanguageCheckboxes}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
        self.fields["meeting_place"].queryset = MeetingPlace.objects.published().order_by("name")
        self.fields["meeting_place"].required = False
        self.fields["languages"].queryset = Language.objects.order_by("german_name")
        if organisations:
            self.fields["organiser"].queryset = organisations
            self.fields["organiser"].required = False
        else:
            del self.fields["organiser"]


class CorrectionForm(ProposalMixin, forms.Form):
    kind_of_submission = Submission.Kind.CORRECTION

    message = forms.CharField(label=_("Was ist falsch oder fehlt?"), widget=forms.Textarea(attrs={"rows": 4}),
                              max_length=2000)

    def __init__(self, *args, entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        # Proposed values first, then the message, submitter and spam fields.
        self.fields = {**correction_fields(entry), **self.fields}

    def proposed_changes(self):
        return proposed_changes(self.entry, self.cleaned_data)


def correction_fields(entry, proposed=None):
    """The fields a correction may propose, each showing the proposed value (else the entry's)."""
    proposed = proposed or {}
    fields = {}
    for name in CORRECTION_FIELDS:
        field = formfield(type(entry)._meta.get_field(name), required=False)
        field.initial = proposed.get(name, getattr(entry, name))
        field.help_text = ""
        fields[name] = field
    return fields


def proposed_changes(entry, cleaned_data):
    """{field: value} of the correction fields whose value is given and differs from the entry's."""
    changes = {}
    for name in CORRECTION_FIELDS:
        value = cleaned_data.get(name)
        if value not in (None, "") and value != getattr(entry, name):
            changes[name] = value
    return changes


class DecisionForm(forms.Form):
    reason = forms.CharField(label=_("Begründung (geht an die einreichende Person, wenn sie eine E-Mail "
                                     "angegeben hat)"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                             max_length=2000)


class RejectionForm(DecisionForm):
    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Bitte eine Begründung angeben."))
        return reason


class OrganisationEditForm(TranslationFormMixin, forms.ModelForm):
    """The public fields of an organisation, for its editors; coordinators also set the status.
    Short description and description in the other UI languages: atlas.directory.translations."""

    class Meta:
        formfield_callback = formfield
        model = Organisation
        fields = EDIT_FIELDS
        widgets = {"categories": forms.CheckboxSelectMultiple, "languages": LanguageCheckboxes}

    def __init__(self, *args, can_publish=False, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = Language.objects.order_by("german_name")
        for name in ("categories", "target_groups", "communities"):
            self.fields[name].label_from_instance = lambda vocabulary: vocabulary.label
        if can_publish:
            self.fields["status"] = forms.ChoiceField(label=_("Status"), choices=PublicationStatus.choices,
                                                      initial=self.instance.status)

    def save(self, commit=True):
        if "status" in self.fields:
            self.instance.status = self.cleaned_data["status"]
        return super().save(commit=commit)
