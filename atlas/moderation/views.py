"""Public proposals, the moderation queue, the editors' edit view, the change history with revert,
and the list of entries due for verification. Every permission is asked of atlas.permissions."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from atlas import permissions
from atlas.models import MeetingPlace, Organisation, OrganisationEditor, PublicationStatus, Submission
from atlas.reminders import editors_by_organisation, last_reminders, stale_meeting_places, stale_organisations

from . import services, spam
from .forms import (
    CorrectionForm,
    DecisionForm,
    EventProposalForm,
    MeetingPlaceProposalForm,
    OrganisationEditForm,
    OrganisationProposalForm,
    RejectionForm,
)
from .history import KIND_OF_MODEL, KINDS, display_value, field_label, may_revert, payload_display, revert, versions

CORRECTION_KINDS = {"organisation": Organisation, "treffpunkt": MeetingPlace}


class RoleRequiredMixin:
    """Anonymous visitors are sent to the login, others without the right get 403."""

    def allowed(self, user):
        raise NotImplementedError

    def deny(self):
        if not self.request.user.is_authenticated:
            return redirect_to_login(self.request.get_full_path())
        raise PermissionDenied

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            return self.deny()
        return super().dispatch(request, *args, **kwargs)


# --- Public proposals ----------------------------------------------------------------------------

class ProposalIndexView(TemplateView):
    template_name = "moderation/propose_index.html"


class ProposalView(FormView):
    template_name = "moderation/propose_form.html"
    title = ""
    intro = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["sender_hash"] = spam.sender_hash(self.request) if self.request.method == "POST" else ""
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

class ModerationMixin(RoleRequiredMixin):
    def allowed(self, user):
        return permissions.can_moderate(user)


class QueueView(ModerationMixin, TemplateView):
    template_name = "moderation/queue.html"

    def get_context_data(self, **kwargs):
        related = ["organisation", "meeting_place", "event", "reviewed_by"]
        return super().get_context_data(
            pending=Submission.objects.filter(status=Submission.Status.PENDING).select_related(*related)
            .order_by("created"),
            decided=Submission.objects.exclude(status=Submission.Status.PENDING).select_related(*related)
            .order_by("-reviewed")[:20],
            **kwargs)


class SubmissionView(ModerationMixin, TemplateView):
    template_name = "moderation/submission.html"

    def get_submission(self):
        return get_object_or_404(Submission.objects.select_related("organisation", "meeting_place", "event"),
                                 pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        entry = services.submission_entry(submission)
        payload = submission.payload or {}
        fields = payload.get("fields", payload) if submission.kind == Submission.Kind.CORRECTION else payload
        rows = []
        model = type(entry) if entry is not None else None
        for name, value in fields.items():
            row = {"label": field_label(model, name) if model else name, "value": value, "current": None}
            if model is not None:
                row["value"] = payload_display(model, name, value)
                if submission.kind == Submission.Kind.CORRECTION:
                    row["current"] = display_value(model, name, getattr(entry, name, None))
            rows.append(row)
        context = {"submission": submission, "entry": entry, "rows": rows, "message": payload.get("message", ""),
                   "history_url": history_url(entry) if entry is not None else None,
                   "approve_form": kwargs.pop("approve_form", DecisionForm()),
                   "reject_form": kwargs.pop("reject_form", RejectionForm())}
        return super().get_context_data(**context, **kwargs)


class DecideView(ModerationMixin, View):
    approve = True

    def post(self, request, pk):
        submission = get_object_or_404(Submission, pk=pk)
        if submission.status != Submission.Status.PENDING:
            messages.warning(request, _("Über diese Einreichung wurde schon entschieden."))
            return redirect("moderation:queue")
        form = (DecisionForm if self.approve else RejectionForm)(request.POST)
        if not form.is_valid():
            view = SubmissionView(request=request, kwargs={"pk": pk})
            context = view.get_context_data(**({"approve_form": form} if self.approve else {"reject_form": form}))
            return view.render_to_response(context, status=400)
        if self.approve:
            services.approve(submission, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Angenommen: %(submission)s") % {"submission": submission})
        else:
            services.reject(submission, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Abgelehnt: %(submission)s") % {"submission": submission})
        return redirect("moderation:queue")


class StaleEntriesView(RoleRequiredMixin, TemplateView):
    """Entries not verified for 12 months, with their editors and the last reminder sent."""

    template_name = "moderation/stale.html"

    def allowed(self, user):
        return permissions.can_view_stale_entries(user)

    def get_context_data(self, **kwargs):
        organisations = list(stale_organisations().prefetch_related(
            Prefetch("editor_links", queryset=OrganisationEditor.objects.select_related("user"))))
        editors = editors_by_organisation(organisations)
        users = {user for users in editors.values() for user in users}
        reminded = last_reminders(users)
        rows = [{"entry": organisation, "editors": [(user, reminded.get(user.pk))
                                                    for user in editors.get(organisation.pk, [])]}
                for organisation in organisations]
        return super().get_context_data(organisation_rows=rows,
                                        meeting_places=stale_meeting_places()[:200], **kwargs)


# --- Editing, publishing ------------------------------------------------------------------------------

class OrganisationEditView(RoleRequiredMixin, FormView):
    template_name = "moderation/edit.html"
    form_class = OrganisationEditForm

    def dispatch(self, request, *args, **kwargs):
        self.organisation = get_object_or_404(Organisation, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, user):
        return permissions.can_edit_organisation(user, self.organisation)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.organisation,
                "can_publish": permissions.can_publish(self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organisation=self.organisation, history_url=history_url(self.organisation),
            is_published=self.organisation.status == PublicationStatus.PUBLISHED, **kwargs)

    def form_valid(self, form):
        organisation = form.save(commit=False)
        if {"street", "postcode"} & set(form.changed_data):
            services.locate(organisation)
        # Whoever edits has looked at every field: the entry counts as verified today.
        organisation.last_verified = timezone.localdate()
        organisation._history_user = self.request.user
        organisation.save()
        form.save_m2m()
        messages.success(self.request, _("Änderungen gespeichert."))
        if organisation.status == PublicationStatus.PUBLISHED:
            return redirect(organisation.get_absolute_url())
        return redirect("account")


class PublishView(RoleRequiredMixin, View):
    """Publishes an organisation or meeting place (coordinators only)."""

    def allowed(self, user):
        return permissions.can_publish(user)

    def post(self, request, kind, slug):
        model = CORRECTION_KINDS.get(kind)
        if model is None:
            raise Http404
        entry = get_object_or_404(model, slug=slug)
        entry.status = PublicationStatus.PUBLISHED
        entry._history_user = request.user
        entry._change_reason = "Veröffentlicht"
        entry.save()
        messages.success(request, _("„%(name)s“ ist veröffentlicht.") % {"name": entry.name})
        return redirect(entry.get_absolute_url())


# --- History ---------------------------------------------------------------------------------------

def history_url(entry):
    return reverse("moderation:history", kwargs={"kind": KIND_OF_MODEL[type(entry)], "slug": entry.slug})


class HistoryMixin(RoleRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        model = KINDS.get(kwargs["kind"])
        if model is None:
            raise Http404
        self.entry = get_object_or_404(model, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def allowed(self, user):
        return permissions.can_view_history(user, self.entry)


class HistoryView(HistoryMixin, TemplateView):
    template_name = "moderation/history.html"

    def get_context_data(self, **kwargs):
        entry = self.entry
        public_url = entry.get_absolute_url() if entry.status == PublicationStatus.PUBLISHED else None
        return super().get_context_data(entry=entry, versions=versions(entry), public_url=public_url,
                                        can_revert=may_revert(self.request.user, entry),
                                        title=getattr(entry, "name", None) or entry.title, **kwargs)


class RevertView(HistoryMixin, View):
    """Restores an earlier version, limited to the fields the user may edit (history.revert)."""

    def allowed(self, user):
        return may_revert(user, self.entry)

    def post(self, request, kind, slug):
        try:
            history_id = int(request.POST.get("history_id", ""))
            self.entry.history.get(history_id=history_id)
        except (ValueError, self.entry.history.model.DoesNotExist):
            raise Http404 from None
        revert(self.entry, history_id, request.user)
        messages.success(request, _("Die frühere Version ist wiederhergestellt."))
        return redirect("moderation:history", kind=kind, slug=self.entry.slug)
