"""The coordinators' moderation queue and the list of entries due for verification."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from atlas.moderation import services
from atlas.moderation.forms import (
    DecisionForm,
    RejectionForm,
)
from atlas.moderation.history import (
    display_value,
    field_label,
    history_url,
    payload_display,
)
from atlas.moderation.models import Submission
from atlas.moderation.reminders import (
    editors_by_organisation,
    last_reminders,
    stale_meeting_places,
    stale_organisations,
)
from atlas.moderation.views.access import RoleRequiredMixin
from atlas.roles import permissions
from atlas.roles.models import OrganisationEditor


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
