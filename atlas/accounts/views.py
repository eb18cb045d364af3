"""Sign-up with e-mail confirmation, the account page, the data download and account deletion. Login,
logout and the password reset are Django's views with our forms and templates (atlas/accounts/urls.py)."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.hashers import make_password
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from atlas.accounts import dashboard
from atlas.accounts.confirmation import LinkError, confirm_address, confirmed_email, read_token
from atlas.accounts.data import delete_user, user_data
from atlas.accounts.forms import ConfirmEmailForm, DeleteAccountForm, SignUpForm
from atlas.accounts.limits import mail_allowed
from atlas.accounts.lockout import clear_lockout
from atlas.accounts.mails import send_account_exists, send_confirmation
from atlas.directory.models import PublicationStatus
from atlas.roles import permissions
from geodata.models import Ortsteil

# Named backend for logging in right after a proof (confirmation link, new account): django-axes'
# backend only guards authenticate().
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


class SignUpView(FormView):
    """Always answers "check your mail": a new address gets an inactive account and its confirmation
    link, an address with an active account a note instead of a second account."""

    template_name = "accounts/signup.html"
    form_class = SignUpForm
    success_url = reverse_lazy("signup-done")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        allowed = mail_allowed(self.request, email)  # counts every sign-up, whether the address is taken or not
        taken = get_user_model()._default_manager.filter(email__iexact=email, is_active=True).exists()
        if allowed and not taken:
            send_confirmation(self.request, form.save(), activate=True)
        else:
            # No account without its link; and as long as saving one would take.
            make_password(form.cleaned_data["password1"])
            if allowed:
                send_account_exists(self.request, email)
        return super().form_valid(form)


class SignUpDoneView(TemplateView):
    template_name = "accounts/signup_done.html"


class AccountView(LoginRequiredMixin, TemplateView):
    """The account page is everyone's work page after login (settings.LOGIN_REDIRECT_URL): each role's
    panel (atlas.accounts.dashboard), then the person's own data."""

    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        organisation_ids = permissions.edited_organisation_ids(user)
        is_coordinator, is_planner = permissions.is_coordinator(user), permissions.is_planner(user)
        context.update({
            "editor": dashboard.editor_panel(organisation_ids) if organisation_ids else None,
            "coordinator": dashboard.coordinator_panel() if is_coordinator else None,
            "planner": is_planner,
            "ortsteile": Ortsteil.objects.order_by("name") if is_planner else (),
            "published": PublicationStatus.PUBLISHED,
            "is_coordinator": is_coordinator,
            "is_planner": is_planner,
            "can_moderate": permissions.can_moderate(user),
            "can_view_stale": permissions.can_view_stale_entries(user),
            "can_export_internal": permissions.can_export_internal(user),
            "can_view_needs_overview": permissions.can_view_needs_overview(user),
            "email_confirmed": bool(confirmed_email(user)),
        })
        return context


class SendConfirmationView(LoginRequiredMixin, View):
    """From the account page: mails a link that confirms the account's current address (accounts a
    coordinator created, or whose address changed)."""

    def post(self, request):
        user = request.user
        if user.email and not confirmed_email(user) and mail_allowed(request, user.email):
            send_confirmation(request, user)
        messages.success(request, _("Wenn Ihre Adresse noch nicht bestätigt ist, erhalten Sie in Kürze eine "
                                    "E-Mail mit einem Link zur Bestätigung."))
        return redirect("account")


class ConfirmEmailView(FormView):
    """The page a confirmation link opens: the account's password confirms the address (a link alone
    does not, see atlas.accounts.confirmation) and logs in. A link that was already used shows that
    the address is confirmed; a forged, altered or expired one is refused (400)."""

    template_name = "accounts/confirm_email.html"
    form_class = ConfirmEmailForm
    success_url = reverse_lazy("account")

    def dispatch(self, request, *args, token, **kwargs):
        try:
            self.account, self.activate = read_token(token)
        except LinkError as error:
            return self.render_to_response({"problem": error.problem}, status=400)
        if confirmed_email(self.account):
            if request.method == "POST":
                return redirect("account")
            return self.render_to_response({"already_confirmed": True})
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.account}

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.account, signup=self.activate, **kwargs)

    def form_valid(self, form):
        confirm_address(self.account, activate=self.activate)
        login(self.request, self.account, backend=MODEL_BACKEND)
        messages.success(self.request, _("Ihre E-Mail-Adresse ist bestätigt."))
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view; a new password set through the link mailed to the address confirms the address
    and lifts the account's login lockout (the mailbox's owner chose the new password)."""

    template_name = "accounts/password_reset_confirm.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        confirm_address(self.user)
        clear_lockout(self.user)
        return response


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
    success_url = reverse_lazy("map:map")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = self.request.user
        logout(self.request)
        delete_user(user)
        messages.success(self.request, _("Ihr Konto und Ihre Zugänge zu Organisationen sind gelöscht."))
        return super().form_valid(form)
