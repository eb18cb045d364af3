"""The subscription form: an e-mail address, an area (an Ortsteil, or an address with a radius), optional
fields of activity and languages, consent; with the spam protection of the public proposal forms (a
honeypot and a signed, single-use timestamp: atlas.moderation.spam)."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from atlas.directory.models import Category, Language, Organisation, PublicationStatus
from atlas.events.models import Event
from atlas.moderation import spam
from atlas.moderation.conf import min_fill_seconds
from atlas.moderation.spam import HONEYPOT
from atlas.subscriptions.models import AreaSubscription
from geodata.models import Ortsteil

ADDRESS_MAX_LENGTH = 200

REFUSALS = {
    "honeypot": _("Das Abonnement konnte nicht angelegt werden."),
    "expired": _("Das Formular war zu lange geöffnet. Bitte prüfen Sie die Angaben und senden Sie es erneut ab."),
    "too_fast": _("Das ging zu schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das Formular erneut ab."),
    "rate_limit": _("Von Ihrem Anschluss kamen in der letzten Zeit schon mehrere Abonnements. Bitte versuchen "
                    "Sie es später noch einmal."),
}


def offered_languages():
    """The languages spoken in at least one published organisation or event, by their own names."""
    used_by_organisations = Organisation.objects.filter(status=PublicationStatus.PUBLISHED, languages=OuterRef("pk"))
    used_by_events = Event.objects.filter(status=PublicationStatus.PUBLISHED, languages=OuterRef("pk"))
    return Language.objects.filter(Q(Exists(used_by_organisations)) | Q(Exists(used_by_events))).order_by("native_name")


class SubscriptionForm(spam.GuardedFormMixin, forms.Form):
    refusals = REFUSALS

    AREA_ORTSTEIL = "ortsteil"
    AREA_ADDRESS = "address"

    email = forms.EmailField(label=_("Ihre E-Mail-Adresse"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}))
    area = forms.ChoiceField(label=_("Gebiet"), widget=forms.RadioSelect, initial=AREA_ORTSTEIL, choices=[
        (AREA_ORTSTEIL, _("ein Ortsteil")), (AREA_ADDRESS, _("ein Umkreis um eine Adresse"))])
    ortsteil = forms.ModelChoiceField(label=_("Ortsteil"), queryset=Ortsteil.objects.none(), required=False,
                                      to_field_name="key", empty_label=_("– bitte wählen –"))
    address = forms.CharField(label=_("Adresse"), max_length=ADDRESS_MAX_LENGTH, required=False,
                              help_text=_("z. B. Heerstraße 400, 13593 Berlin. Wir speichern nicht die Adresse, "
                                          "nur einen auf etwa 100 m gerundeten Punkt."),
                              widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    radius = forms.TypedChoiceField(label=_("Umkreis"), coerce=int, widget=forms.RadioSelect,
                                    choices=AreaSubscription.Radius.choices, initial=AreaSubscription.Radius.KM1)
    categories = forms.ModelMultipleChoiceField(
        label=_("Tätigkeitsfelder"), queryset=Category.objects.none(), required=False, to_field_name="key",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ohne Auswahl kommen alle neuen Organisationen. Treffpunkte kommen immer mit."))
    languages = forms.ModelMultipleChoiceField(
        label=_("Sprachen"), queryset=Language.objects.none(), required=False, to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nur Organisationen und Veranstaltungen, in denen eine dieser Sprachen gesprochen wird."))
    privacy = forms.BooleanField(label=_("Ich bin einverstanden, dass meine E-Mail-Adresse und das Gebiet für "
                                         "diese Benachrichtigung gespeichert werden (siehe Datenschutzerklärung)."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.refusal = None
        self.fields["ortsteil"].queryset = Ortsteil.objects.order_by("name")
        self.fields["categories"].queryset = Category.objects.order_by("position", "name")
        self.fields["categories"].label_from_instance = lambda category: category.label
        self.fields["languages"].queryset = offered_languages()
        self.fields["languages"].label_from_instance = lambda language: language.native_name
        self.add_guard_fields()

    @property
    def by_address(self):
        return self.cleaned_data.get("area") == self.AREA_ADDRESS

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT):
            self.refuse("honeypot")
            return cleaned
        started = self.data.get("started")
        elapsed = spam.seconds_since(started)
        if elapsed is None or spam.token_used(started):
            self.refuse("expired")
            return cleaned
        if cleaned.get("area") == self.AREA_ORTSTEIL and not cleaned.get("ortsteil"):
            self.add_error("ortsteil", _("Bitte einen Ortsteil wählen."))
        if cleaned.get("area") == self.AREA_ADDRESS and not cleaned.get("address", "").strip():
            self.add_error("address", _("Bitte eine Adresse angeben."))
        # "Too fast" only for a form that is otherwise right: a person correcting a field is not a bot.
        if not self.errors and elapsed < min_fill_seconds():
            self.refuse("too_fast")
        return cleaned
