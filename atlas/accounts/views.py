"""Sign-up, the account page, the data download and account deletion. Login, logout and the password
reset are Django's views with our templates (atlas/urls_accounts.py)."""

import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from atlas import permissions
from atlas.models import PublicationStatus

from .data import delete_user, user_data
from .forms import DeleteAccountForm, SignUpForm


class SignUpView(FormView):
    template_name = "accounts/signup.html"
    form_class = SignUpForm
    success_url = reverse_lazy("account")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = form.save()
        # Named backend: django-axes' backend only guards authenticate(), not a fresh account.
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, _("Willkommen! Ihr Konto ist angelegt."))
        return super().form_valid(form)


class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        links = user.organisation_links.select_related("organisation").order_by("organisation__name")
        context.update({
            "organisations": [link.organisation for link in links],
            "published": PublicationStatus.PUBLISHED,
            "is_coordinator": permissions.is_coordinator(user),
            "is_planner": permissions.is_planner(user),
            "can_moderate": permissions.can_moderate(user),
            "can_view_stale": permissions.can_view_stale_entries(user),
            "can_export_internal": permissions.can_export_internal(user),
            "can_view_needs_overview": permissions.can_view_needs_overview(user),
        })
        return context


class AccountDataView(LoginRequiredMixin, View):
    """Everything held about the user and their organisations, as a JSON download."""

    def get(self, request):
        body = json.dumps(user_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"migraktiv-atlas-meine-daten-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class AccountDeleteView(LoginRequiredMixin, FormView):
    template_name = "accounts/delete.html"
    form_class = DeleteAccountForm
    success_url = reverse_lazy("geodata:map")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = self.request.user
        logout(self.request)
        delete_user(user)
        messages.success(self.request, _("Ihr Konto und Ihre Zugänge zu Organisationen sind gelöscht."))
        return super().form_valid(form)
