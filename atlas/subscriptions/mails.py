"""The mails of a subscription, in its language: the confirmation link and the digest.

Each is plain text with an HTML alternative (Django's templates escape every string that came from data
in the HTML part) and carries a one-click unsubscribe link, also as the List-Unsubscribe and
List-Unsubscribe-Post headers of RFC 8058: a mail program may then offer "unsubscribe" itself and POST
to the link.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from atlas.directory.translations import localized
from atlas.directory.visibility import is_organisation, public_address
from atlas.events.formatting import event_when
from atlas.subscriptions import tokens
from atlas.subscriptions.conf import confirmation_days

TEMPLATES = "subscriptions/mail"


def unsubscribe_url(subscription, base_url):
    return base_url + reverse("subscriptions:unsubscribe", args=[tokens.unsubscribe_token(subscription)])


def _send(subscription, template, base_url, context):
    unsubscribe = unsubscribe_url(subscription, base_url)
    with translation.override(subscription.language):
        context = {**context, "subscription": subscription, "base_url": base_url,
                   "unsubscribe_url": unsubscribe, "area": subscription.area_description(),
                   "topics": subscription.topics_description(),
                   "language_name": translation.get_language_info(subscription.language)["name_local"]}
        subject = " ".join(render_to_string(f"{TEMPLATES}/{template}_subject.txt", context).split())
        text = render_to_string(f"{TEMPLATES}/{template}.txt", context)
        html = render_to_string(f"{TEMPLATES}/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [subscription.email], headers={
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    })
    message.attach_alternative(html, "text/html")
    message.send()
    return message


def send_confirmation(subscription, base_url):
    """Mails the link that confirms the subscription (nothing else is sent before it is followed)."""
    link = base_url + reverse("subscriptions:confirm", args=[tokens.confirm_token(subscription)])
    return _send(subscription, "confirm", base_url, {"link": link, "days": confirmation_days()})


@dataclass
class DigestItem:
    """One entry of a digest as the mail shows it: only what the public may see."""

    title: str
    url: str
    meta: str = ""
    text: object = ""  # atlas.directory.translations.LocalizedText
    place: str = ""


def _entry_item(entry, base_url, language):
    if is_organisation(entry):
        meta = " · ".join([entry.get_kind_display(), *(category.label for category in entry.categories.all())])
    else:
        meta = entry.place_type.label
    address = public_address(entry)
    if address:
        place = ", ".join(part for part in (address["street"], f"{address['postcode']} Berlin"
                                            if address["postcode"] else "") if part)
    elif entry.planning_area_id:
        place = gettext("nur ungefähre Lage: Planungsraum %(name)s") % {"name": entry.planning_area.name}
    else:
        place = ""
    return DigestItem(title=entry.name, url=base_url + entry.get_absolute_url(), meta=meta, place=place,
                      text=localized(entry, "short_description", language))


def _event_item(event, base_url):
    return DigestItem(title=event.title, url=base_url + event.get_absolute_url(), meta=event_when(event),
                      place=event.location_text)


def digest_sections(news, base_url, language):
    """[(heading, items, how many more)] of the non-empty parts, in the active language."""
    sections = []
    for heading, part, item in (
            (gettext("Organisationen"), news.organisations, lambda entry: _entry_item(entry, base_url, language)),
            (gettext("Treffpunkte"), news.meeting_places, lambda entry: _entry_item(entry, base_url, language)),
            (gettext("Veranstaltungen"), news.events, lambda event: _event_item(event, base_url))):
        if part.total:
            sections.append({"heading": heading, "items": [item(entry) for entry in part.entries], "more": part.more})
    return sections


def send_digest(subscription, news, base_url):
    """Mails the News of the subscription's area."""
    with translation.override(subscription.language):
        sections = digest_sections(news, base_url, subscription.language)
    return _send(subscription, "digest", base_url, {"news": news, "sections": sections,
                                                    "map_url": base_url + reverse("map:map")})
