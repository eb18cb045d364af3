"""The pages of area subscriptions: the form, "check your mail", confirming and unsubscribing.

Confirming and unsubscribing are a button on the page the link opens (GET changes nothing: mail scanners
fetch links). Unsubscribing also answers the one-click POST of RFC 8058 that mail programs send without a
CSRF token; the signed link is its authorisation.
"""

import logging

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView, TemplateView

from atlas.moderation import spam
from atlas.subscriptions import mails, services, tokens
from atlas.subscriptions.conf import confirmation_days
from atlas.subscriptions.forms import SubscriptionForm
from atlas.subscriptions.throttling import subscription_allowed

log = logging.getLogger(__name__)


def site_base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def subscription_language():
    """The language of the page the visitor subscribed on, one of the site's languages."""
    return translation.get_supported_language_variant(translation.get_language() or "de")


class SubscribeView(FormView):
    template_name = "subscriptions/subscribe.html"
    form_class = SubscriptionForm

    def get_context_data(self, **kwargs):
        language = subscription_language()
        return super().get_context_data(
            language_name=translation.get_language_info(language)["name_local"],
            confirmation_days=confirmation_days(), **kwargs)

    def form_invalid(self, form, status=200):
        if form.refusal == "rate_limit":
            status = 429
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def form_valid(self, form):
        if not subscription_allowed(self.request):
            form.refuse("rate_limit")
            return self.form_invalid(form)
        centre = None
        if form.by_address:
            centre, problem = services.locate_address(form.cleaned_data["address"])
            if centre is None:
                form.add_error("address", problem)
                return self.form_invalid(form)
        if services.mails_to_address_exhausted(form.cleaned_data["email"]):
            # Answered as always: the page never tells whether an address is subscribed already.
            return redirect("subscriptions:sent")
        try:
            subscription = services.subscribe(form, subscription_language(), centre)
        except spam.Refused as refusal:
            form.refuse(refusal.code)
            return self.form_invalid(form)
        try:
            mails.send_confirmation(subscription, site_base_url(self.request))
        except Exception:  # the mail server refused or is down: nothing is kept
            log.exception("confirmation mail of an area subscription not sent")
            services.unsubscribe(subscription)
            return render(self.request, "subscriptions/mail_failed.html", status=503)
        return redirect("subscriptions:sent")


class SentView(TemplateView):
    template_name = "subscriptions/sent.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(confirmation_days=confirmation_days(), **kwargs)


def _link_problem(request, problem):
    status = 410 if problem == "expired" else 404
    return render(request, "subscriptions/link_problem.html",
                  {"problem": problem, "confirmation_days": confirmation_days()}, status=status)


class ConfirmView(View):
    def dispatch(self, request, *args, token, **kwargs):
        try:
            self.subscription = tokens.read_confirm_token(token)
        except tokens.LinkError as error:
            return _link_problem(request, error.problem)
        if self.subscription is None:  # deleted meanwhile (unsubscribed, or expired and removed)
            return _link_problem(request, "gone")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, "subscriptions/confirm.html", {"subscription": self.subscription})

    def post(self, request):
        subscription = services.confirm(self.subscription)
        return render(request, "subscriptions/confirmed.html", {
            "subscription": subscription,
            "unsubscribe_url": reverse("subscriptions:unsubscribe",
                                       args=[tokens.unsubscribe_token(subscription)])})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_view(request, token):
    """GET: what will be deleted, and a button. POST (the button, or a mail program's one-click
    request): deletes the subscription. A subscription gone already is no error."""
    try:
        subscription = tokens.read_unsubscribe_token(token)
    except tokens.LinkError as error:
        return _link_problem(request, error.problem)
    if request.method == "POST":
        if subscription is not None:
            services.unsubscribe(subscription)
        return render(request, "subscriptions/unsubscribed.html")
    if subscription is None:
        return render(request, "subscriptions/unsubscribed.html")
    return render(request, "subscriptions/unsubscribe.html", {"subscription": subscription})
