"""Subscribing, confirming and unsubscribing; called by the views and by tests alike."""

from datetime import timedelta

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from atlas.geocoding.service import geocode
from atlas.moderation import spam
from atlas.subscriptions.conf import confirmation_mails_per_address
from atlas.subscriptions.models import CENTRE_DECIMALS, AreaSubscription
from geodata.models import Ortsteil


def locate_address(text):
    """(the centre of an address subscription, rounded; or None, and a message saying why not)."""
    result = geocode(text)
    if not result:
        if result.unavailable:
            return None, _("Die Adresssuche ist gerade nicht erreichbar. Bitte wählen Sie einen Ortsteil oder "
                           "versuchen Sie es später noch einmal.")
        return None, _("Diese Adresse haben wir in Spandau nicht gefunden. Bitte prüfen Sie sie oder wählen Sie "
                       "einen Ortsteil.")
    centre = Point(round(result.lon, CENTRE_DECIMALS), round(result.lat, CENTRE_DECIMALS), srid=result.point.srid)
    if not Ortsteil.objects.filter(geom__contains=result.point).exists():
        return None, _("Diese Adresse liegt nicht in Spandau. Bitte geben Sie eine Adresse in Spandau an.")
    return centre, ""


def mails_to_address_exhausted(email, now=None):
    """Whether this address got as many confirmation mails within a day as it may."""
    since = (now or timezone.now()) - timedelta(days=1)
    return (AreaSubscription.objects.filter(email__iexact=email, created__gte=since).count()
            >= confirmation_mails_per_address())


def subscribe(form, language, centre=None):
    """Stores an unconfirmed subscription from a valid form, using up the form's timestamp (raises
    spam.Refused when it was used already, by a parallel request too)."""
    data = form.cleaned_data
    with transaction.atomic():
        spam.use_token(data["started"])
        subscription = AreaSubscription.objects.create(
            email=data["email"], language=language,
            ortsteil=None if centre else data["ortsteil"],
            centre=centre, radius_m=data["radius"] if centre else None)
        subscription.categories.set(data["categories"])
        subscription.languages.set(data["languages"])
    return subscription


def confirm(subscription, now=None):
    """Confirms a subscription (again: nothing changes). An identical confirmed subscription of the same
    address makes this one superfluous: it is deleted and the existing one returned."""
    if subscription.is_confirmed:
        return subscription
    twin = _confirmed_twin(subscription)
    if twin is not None:
        subscription.delete()
        return twin
    now = now or timezone.now()
    subscription.confirmed = subscription.news_since = now
    subscription.save(update_fields=["confirmed", "news_since"])
    return subscription


def _confirmed_twin(subscription):
    def keys(item):
        return (item.ortsteil_id, item.centre.coords if item.centre else None, item.radius_m,
                set(item.categories.values_list("pk", flat=True)), set(item.languages.values_list("pk", flat=True)))

    candidates = AreaSubscription.objects.filter(email__iexact=subscription.email, confirmed__isnull=False,
                                                 ortsteil=subscription.ortsteil, radius_m=subscription.radius_m)
    return next((other for other in candidates if keys(other) == keys(subscription)), None)


def unsubscribe(subscription):
    """Deletes the subscription: nothing of it is kept."""
    subscription.delete()
