"""Editing an organisation by its editors, publishing, and the change history with revert."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from atlas.directory.models import Organisation, PublicationStatus
from atlas.moderation import services
from atlas.moderation.forms import (
    OrganisationEditForm,
)
from atlas.moderation.history import (
    KINDS,
    history_url,
    may_revert,
    revert,
    versions,
)
from atlas.moderation.views.access import RoleRequiredMixin
from atlas.moderation.views.proposals import CORRECTION_KINDS
from atlas.roles import permissions


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
