"""The coordinators' moderation queue and the list of entries due for verification."""

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
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
        related = ["organisation", "meeting_place", "event__organiser", "reviewed_by"]
        return super().get_context_data(
            pending=Submission.objects.filter(status=Submission.Status.PENDING).select_related(*related)
            .order_by("created"),
            decided=Submission.objects.exclude(status=Submission.Status.PENDING).select_related(*related)
            .order_by("-reviewed")[:20],
            **kwargs)


def current_display(entry, name):
    """The entry's value of field ``name`` now, for reading beside the submitted one."""
    try:
        field = type(entry)._meta.get_field(name)
    except FieldDoesNotExist:
        return "–"
    value = field.value_from_object(entry)
    if field.many_to_many:
        value = [item.pk for item in value]
    return payload_display(type(entry), name, value)


def submission_rows(submission, entry):
    """Per submitted field: its label, the value proposed now and the entry's value now ("current").
    New entries: "current" differs from the submitted value where a coordinator corrected it
    ("edited"). Corrections: "current" is the entry's value before the change; "submitted" what was
    sent, where a coordinator changed the proposal."""
    payload = submission.payload or {}
    if entry is None:
        return [{"label": name, "value": value, "current": None, "submitted": None, "edited": False}
                for name, value in payload.items()]
    model = type(entry)
    rows = []
    if submission.kind == Submission.Kind.CORRECTION:
        proposed, sent = payload.get("fields", {}), payload.get("submitted_fields")
        for name in dict.fromkeys([*(sent or {}), *proposed]):
            value = payload_display(model, name, proposed[name]) if name in proposed else "–"
            submitted = payload_display(model, name, sent[name]) if sent and name in sent else "–"
            rows.append({"label": field_label(model, name), "value": value,
                         "current": display_value(model, name, getattr(entry, name, None)),
                         "submitted": submitted, "edited": sent is not None and submitted != value})
        return rows
    for name, value in payload.items():
        shown, current = payload_display(model, name, value), current_display(entry, name)
        rows.append({"label": field_label(model, name), "value": shown, "current": current, "submitted": None,
                     "edited": shown != current})
    return rows


class SubmissionView(ModerationMixin, TemplateView):
    template_name = "moderation/submission.html"

    def get_submission(self):
        return get_object_or_404(Submission.objects.select_related("organisation", "meeting_place", "event__organiser"),
                                 pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        entry = services.submission_entry(submission)
        payload = submission.payload or {}
        rows = submission_rows(submission, entry)
        context = {"submission": submission, "entry": entry, "rows": rows, "message": payload.get("message", ""),
                   "edited": any(row["edited"] for row in rows),
                   "organiser": getattr(entry, "organiser", None),
                   "history_url": history_url(entry) if entry is not None else None,
                   "approve_form": kwargs.pop("approve_form", DecisionForm()),
                   "reject_form": kwargs.pop("reject_form", RejectionForm())}
        return super().get_context_data(**context, **kwargs)


def _linked(text, url, name):
    """A translated message with the entry's name, at its "%(entry)s", as a link; all of it escaped."""
    before, _placeholder, after = text.partition("%(entry)s")
    return format_html('{}<a href="{}">{}</a>{}', before, url, name, after)


def decision_message(submission):
    """What the coordinator reads after deciding: what happened, to which entry, linked (the public
    page of a published entry, else the submission's record)."""
    entry = services.submission_entry(submission)
    if entry is None:
        return str(submission)
    name = getattr(entry, "name", None) or entry.title
    if submission.status == Submission.Status.APPROVED:
        if submission.kind == Submission.Kind.CORRECTION:
            text = _("Korrektur übernommen: „%(entry)s“ ist geändert.")
        else:
            text = _("Angenommen: „%(entry)s“ ist jetzt veröffentlicht.")
        return _linked(text, entry.get_absolute_url(), name)
    if submission.kind == Submission.Kind.CORRECTION:
        text = _("Abgelehnt: die Korrektur zu „%(entry)s“.")
    else:
        text = _("Abgelehnt: „%(entry)s“ (nicht veröffentlicht).")
    return _linked(text, reverse("moderation:submission", kwargs={"pk": submission.pk}), name)


def already_decided(request):
    messages.warning(request, _("Über diese Einreichung wurde schon entschieden."))
    return redirect("moderation:queue")


class DecideView(ModerationMixin, View):
    approve = True

    def post(self, request, pk):
        submission = get_object_or_404(Submission, pk=pk)
        if submission.status != Submission.Status.PENDING:
            return already_decided(request)
        form = (DecisionForm if self.approve else RejectionForm)(request.POST)
        if not form.is_valid():
            view = SubmissionView(request=request, kwargs={"pk": pk})
            context = view.get_context_data(**({"approve_form": form} if self.approve else {"reject_form": form}))
            return view.render_to_response(context, status=400)
        decide = services.approve if self.approve else services.reject
        try:
            decide(submission, request.user, form.cleaned_data["reason"])
        except services.AlreadyDecided:  # another coordinator was quicker
            return already_decided(request)
        messages.success(request, decision_message(submission))
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
