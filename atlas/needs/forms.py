"""The structured questionnaire of the needs analysis: for every SupportTopic a need (checkbox,
priority, note) and an offer (checkbox, note), plus a free comment. Saved in one transaction."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atlas.needs.models import Need, NeedsAssessment, Offer, SupportTopic

NOTE_MAX_LENGTH = Need._meta.get_field("note").max_length


def _field_names(topic):
    return {
        "need": f"need_{topic.key}",
        "priority": f"priority_{topic.key}",
        "need_note": f"need_note_{topic.key}",
        "offer": f"offer_{topic.key}",
        "offer_note": f"offer_note_{topic.key}",
    }


class QuestionnaireForm(forms.Form):
    """One organisation's answers. ``topics`` defaults to all SupportTopics in their order."""

    comment = forms.CharField(
        label=gettext_lazy("Anmerkungen"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Was sonst wichtig ist – nur für die Koordination des Netzwerks sichtbar."),
    )

    def __init__(self, *args, organisation, topics=None, **kwargs):
        self.organisation = organisation
        self.topics = list(topics if topics is not None else SupportTopic.objects.all())
        self.assessment = NeedsAssessment.objects.filter(organisation=organisation).first()
        initial = kwargs.pop("initial", None) or {}
        initial.update(self._initial_from_assessment())
        super().__init__(*args, initial=initial, **kwargs)
        for topic in self.topics:
            names = _field_names(topic)
            self.fields[names["need"]] = forms.BooleanField(
                label=_("Wir brauchen Unterstützung: %(topic)s") % {"topic": topic.label}, required=False)
            self.fields[names["priority"]] = forms.TypedChoiceField(
                label=_("Dringlichkeit: %(topic)s") % {"topic": topic.label}, choices=Need.Priority.choices,
                coerce=int, initial=Need.Priority.MEDIUM, required=False, empty_value=Need.Priority.MEDIUM)
            self.fields[names["need_note"]] = forms.CharField(
                label=_("Beschreibung des Bedarfs: %(topic)s") % {"topic": topic.label}, required=False,
                max_length=NOTE_MAX_LENGTH)
            self.fields[names["offer"]] = forms.BooleanField(
                label=_("Wir können anbieten: %(topic)s") % {"topic": topic.label}, required=False)
            self.fields[names["offer_note"]] = forms.CharField(
                label=_("Beschreibung des Angebots: %(topic)s") % {"topic": topic.label}, required=False,
                max_length=NOTE_MAX_LENGTH)

    def _initial_from_assessment(self):
        if self.assessment is None:
            return {}
        initial = {"comment": self.assessment.comment}
        keys = {topic.pk: topic.key for topic in self.topics}
        for need in self.assessment.needs.all():
            if need.topic_id in keys:
                key = keys[need.topic_id]
                initial.update({f"need_{key}": True, f"priority_{key}": need.priority, f"need_note_{key}": need.note})
        for offer in self.assessment.offers.all():
            if offer.topic_id in keys:
                key = keys[offer.topic_id]
                initial.update({f"offer_{key}": True, f"offer_note_{key}": offer.note})
        return initial

    def clean(self):
        cleaned = super().clean()
        for topic in self.topics:
            names = _field_names(topic)
            if cleaned.get(names["need_note"]) and not cleaned.get(names["need"]):
                self.add_error(names["need_note"], _("Bitte „Bedarf“ ankreuzen oder die Beschreibung leeren."))
            if cleaned.get(names["offer_note"]) and not cleaned.get(names["offer"]):
                self.add_error(names["offer_note"], _("Bitte „Angebot“ ankreuzen oder die Beschreibung leeren."))
        return cleaned

    def rows(self):
        """Per topic: the topic and its bound fields, for the template."""
        return [{"topic": topic, **{part: self[name] for part, name in _field_names(topic).items()}}
                for topic in self.topics]

    @transaction.atomic
    def save(self, user=None):
        """Writes the assessment, its needs and its offers; unticked topics are removed."""
        data = self.cleaned_data
        assessment, _created = NeedsAssessment.objects.select_for_update().get_or_create(
            organisation=self.organisation)
        assessment.comment = data.get("comment", "").strip()
        assessment.updated_by = user if getattr(user, "is_authenticated", False) else None
        assessment.save()
        for topic in self.topics:
            names = _field_names(topic)
            if data.get(names["need"]):
                Need.objects.update_or_create(
                    assessment=assessment, topic=topic,
                    defaults={"priority": data.get(names["priority"]) or Need.Priority.MEDIUM,
                              "note": data.get(names["need_note"], "").strip()})
            else:
                Need.objects.filter(assessment=assessment, topic=topic).delete()
            if data.get(names["offer"]):
                Offer.objects.update_or_create(
                    assessment=assessment, topic=topic, defaults={"note": data.get(names["offer_note"], "").strip()})
            else:
                Offer.objects.filter(assessment=assessment, topic=topic).delete()
        self.assessment = assessment
        return assessment
