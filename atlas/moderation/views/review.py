"""A coordinator corrects a proposal before deciding (atlas.moderation.review): "Speichern" keeps the
corrections and returns to the submission; "Speichern und annehmen" approves it right after."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from atlas.moderation import services
from atlas.moderation.models import Submission
from atlas.moderation.review import review_form, save_review
from atlas.moderation.views.queue import ModerationMixin, already_decided, decision_message


class ReviewView(ModerationMixin, FormView):
    template_name = "moderation/review.html"

    def dispatch(self, request, *args, **kwargs):
        self.submission = get_object_or_404(Submission.objects.select_related("organisation", "meeting_place",
                                                                              "event"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.submission.status != Submission.Status.PENDING or self.entry is None:
            return already_decided(request)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.submission.status != Submission.Status.PENDING or self.entry is None:
            return already_decided(request)
        return super().post(request, *args, **kwargs)

    @property
    def entry(self):
        return services.submission_entry(self.submission)

    def get_form(self, form_class=None):
        return review_form(self.submission, self.request.POST if self.request.method == "POST" else None)

    def get_context_data(self, **kwargs):
        entry = self.entry
        context = super().get_context_data(
            submission=self.submission, entry=entry, name=getattr(entry, "name", None) or entry.title,
            is_correction=self.submission.kind == Submission.Kind.CORRECTION, **kwargs)
        context["has_translations"] = hasattr(context["form"], "translation_groups")
        return context

    def form_valid(self, form):
        user = self.request.user
        try:
            save_review(self.submission, form, user)
            if self.request.POST.get("action") == "approve":
                services.approve(self.submission, user)
                messages.success(self.request, decision_message(self.submission))
                return redirect("moderation:queue")
        except services.AlreadyDecided:
            return already_decided(self.request)
        messages.success(self.request, _("Änderungen am Vorschlag gespeichert."))
        return redirect("moderation:submission", pk=self.submission.pk)
