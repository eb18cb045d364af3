"""An area subscription in the browser: a resident finds the form from the events page, subscribes to a
radius around her address, gets the confirmation mail, confirms with the button, gets a digest of a new
organisation nearby and unsubscribes from the link in it. axe-core checks the form in German and Arabic."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from atlas.subscriptions.digests import run_digests
from atlas.subscriptions.models import AreaSubscription
from tests.atlas.directory.factories import make_organisation
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quick_forms(settings):
    settings.ATLAS_MIN_FILL_SECONDS = 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def link(message, kind):
    return re.search(rf"(https?://\S+/neues-in-der-naehe/{kind}/\S+/)", message.body).group(1)


def test_subscribe_confirm_digest_and_unsubscribe(atlas_page, live_server):
    page = atlas_page
    page.goto(f"{live_server.url}/veranstaltungen/")
    page.get_by_role("link", name="Neues in meiner Nähe per E-Mail").click()
    expect(page.get_by_role("heading", name="Neues in meiner Nähe per E-Mail")).to_be_visible()
    # The honeypot is out of sight; the address fields show only when an address is the area.
    box = page.locator("#id_contact_url").bounding_box()
    assert box is None or box["x"] + box["width"] <= 0
    expect(page.get_by_label("Adresse", exact=True)).to_be_hidden()
    page.get_by_label("Ihre E-Mail-Adresse").fill("nachbarin@example.org")
    page.get_by_label("ein Umkreis um eine Adresse").check()
    page.get_by_label("Adresse", exact=True).fill("Heerstraße 400, 13593 Berlin")
    page.get_by_label("500 m").check()
    page.get_by_label("Beratung", exact=True).check()
    page.get_by_label("Ich bin einverstanden").check()
    page.wait_for_timeout(1200)  # longer than ATLAS_MIN_FILL_SECONDS
    page.screenshot(path=f"{SCREENSHOT_DIR}/subscribe-browser-test-form.png", full_page=True)
    page.get_by_role("button", name="Abonnieren").click()
    expect(page.get_by_role("heading", name="Bitte prüfen Sie Ihr Postfach")).to_be_visible()

    [confirmation] = mail.outbox
    assert confirmation.to == ["nachbarin@example.org"]
    subscription = AreaSubscription.objects.get()
    assert subscription.confirmed is None and subscription.radius_m == 500
    page.goto(link(confirmation, "bestaetigen"))
    page.get_by_role("button", name="Ja, Abonnement bestätigen").click()
    expect(page.get_by_role("heading", name="Abonnement bestätigt")).to_be_visible()
    assert AreaSubscription.objects.get().confirmed is not None

    centre = AreaSubscription.objects.get().centre
    make_organisation(name="Beratungsstelle an der Heerstraße", categories=["counselling"],
                      location=(centre.x + 0.001, centre.y))
    make_organisation(name="Sportverein an der Heerstraße", categories=["sport"], location=(centre.x, centre.y))
    assert run_digests(live_server.url).digests_sent == 1
    digest = mail.outbox[-1]
    assert "Beratungsstelle an der Heerstraße" in digest.body and "Sportverein" not in digest.body

    page.goto(link(digest, "abbestellen"))
    page.get_by_role("button", name="Abbestellen und Angaben löschen").click()
    expect(page.get_by_role("heading", name="Abbestellt")).to_be_visible()
    assert not AreaSubscription.objects.exists()
    assert page.console_errors == [] and page.outside_requests == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_form_has_no_accessibility_violations(atlas_page, live_server, language):
    page = atlas_page
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(f"{live_server.url}/neues-in-der-naehe/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert axe_violations(page) == []
    # With the address fields shown and the errors of an empty form.
    page.locator("input[name=area][value=address]").check()
    page.locator("form.subscription-form button[type=submit]").click()
    expect(page.locator(".subscription-form .error").first).to_be_visible()
    page.screenshot(path=f"{SCREENSHOT_DIR}/subscribe-browser-test-errors-{language}.png", full_page=True)
    assert axe_violations(page) == []
    assert page.console_errors == []
