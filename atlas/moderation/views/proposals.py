"""Public proposals without an account: new organisations, meeting places, events, and corrections."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from atlas.directory.models import MeetingPlace, Organisation
from atlas.moderation import services, spam
from atlas.moderation.forms import (
    CorrectionForm,
    EventProposalForm,
    MeetingPlaceProposalForm,
    OrganisationProposalForm,
)
from atlas.roles import permissions

CORRECTION_KINDS = {"organisation": Organisation, "treffpunkt": MeetingPlace}


class ProposalIndexView(TemplateView):
    template_name = "moderation/propose_index.html"


class ProposalView(FormView):
    template_name = "moderation/propose_form.html"
    title = ""
    intro = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["sender_hash"] = spam.sender_hash(self.request) if self.request.method == "POST" else ""
        kwargs["account"] = self.request.user
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, intro=self.intro, **kwargs)

    def form_invalid(self, form):
        status = 429 if form.refusal == "rate_limit" else 200
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def form_valid(self, form):
        try:
            self.submission = self.save(form)
        except spam.Refused as refusal:  # a parallel request used the timestamp or the last place
            form.refuse(refusal.code)
            return self.form_invalid(form)
        return redirect("moderation:thanks")

    def save(self, form):
        return services.submit_entry(form, form.sender_hash)


class OrganisationProposalView(ProposalView):
    form_class = OrganisationProposalForm
    title = gettext_lazy("Organisation vorschlagen")


class MeetingPlaceProposalView(ProposalView):
    form_class = MeetingPlaceProposalForm
    title = gettext_lazy("Treffpunkt vorschlagen")


class EventProposalView(ProposalView):
    form_class = EventProposalForm
    title = gettext_lazy("Veranstaltung vorschlagen")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        if permissions.is_coordinator(user):
            kwargs["organisations"] = Organisation.objects.order_by("name")
        elif permissions.is_editor(user):
            kwargs["organisations"] = Organisation.objects.filter(
                pk__in=permissions.edited_organisation_ids(user)).order_by("name")
        return kwargs

    def save(self, form):
        organiser = form.cleaned_data.get("organiser")
        if organiser is not None and not permissions.can_submit_event_for(self.request.user, organiser):
            raise PermissionDenied
        return super().save(form)


class CorrectionView(ProposalView):
    form_class = CorrectionForm

    def dispatch(self, request, *args, **kwargs):
        model = CORRECTION_KINDS.get(kwargs["kind"])
        if model is None:
            raise Http404
        self.entry = get_object_or_404(model.objects.published(), slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "entry": self.entry}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"title": _("Korrektur zu „%(name)s“ vorschlagen") % {"name": self.entry.name},
                        "intro": _("Tragen Sie nur ein, was sich ändern soll. Die Koordination prüft den "
                                   "Vorschlag, bevor er übernommen wird."),
                        "entry": self.entry})
        return context

    def save(self, form):
        return services.submit_correction(form, self.entry, form.sender_hash)


class ThanksView(TemplateView):
    template_name = "moderation/thanks.html"


# --- Moderation queue -------------------------------------------------------------------------------
