"""The mails of the account workflow, in the visitor's language: a confirmation link, and the note to
an address that already has an account. The views ask atlas.accounts.limits.mail_allowed first."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from atlas.accounts.confirmation import make_token, max_age


def _send(request, to, template, context):
    subject = render_to_string(f"accounts/mail/{template}_subject.txt", context, request=request).strip()
    body = render_to_string(f"accounts/mail/{template}.txt", context, request=request)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def send_confirmation(request, user, activate=False):
    """Mails the link that confirms the user's address (and activates a fresh sign-up)."""
    link = request.build_absolute_uri(reverse("email-confirm", args=[make_token(user, activate)]))
    _send(request, user.email, "confirm_email",
                 {"link": link, "days": max_age().days, "signup": activate})


def send_account_exists(request, email):
    """Tells an address that someone tried to sign up with it, though it has an account already."""
    _send(request, email, "account_exists", {
        "login": request.build_absolute_uri(reverse("login")),
        "password_reset": request.build_absolute_uri(reverse("password_reset"))})
