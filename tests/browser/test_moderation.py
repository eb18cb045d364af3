"""Moderation end to end in the browser: a visitor proposes an organisation without an account, it is
not public until a coordinator approves it in the queue; a rejection's reason is mailed."""

import re
from datetime import date

import pytest
from django.core import mail
from playwright.sync_api import expect

from atlas.directory.models import Language, Organisation, PublicationStatus
from atlas.moderation.models import Submission
from atlas.roles.permissions import COORDINATORS
from tests.atlas.directory.factories import make_organisation
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quick_forms(settings):
    settings.ATLAS_MIN_FILL_SECONDS = 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def propose_organisation(page, live_server, name, email=""):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Eintrag vorschlagen").first.click()
    page.get_by_role("link", name="Organisation vorschlagen").click()
    expect(page.get_by_role("heading", name="Organisation vorschlagen")).to_be_visible()
    # The honeypot is out of sight.
    box = page.locator("#id_contact_url").bounding_box()
    assert box is None or box["x"] + box["width"] <= 0
    page.locator("#id_name").fill(name)
    page.get_by_label("Kurzbeschreibung").fill("Beratung und Kultur")
    page.get_by_label("Straße und Hausnummer").fill("Obstallee 22")
    page.get_by_label("PLZ").fill("13593")
    if email:
        page.get_by_label("Ihre E-Mail-Adresse").fill(email)
    page.get_by_label("Ich bin einverstanden").check()
    page.wait_for_timeout(1200)  # longer than ATLAS_MIN_FILL_SECONDS
    page.screenshot(path=f"{SCREENSHOT_DIR}/moderation-proposal.png", full_page=True)
    page.get_by_role("button", name="Vorschlag senden").click()
    expect(page.get_by_role("heading", name="Vielen Dank für Ihren Vorschlag!")).to_be_visible()


def api_status(page, live_server, slug):
    return page.request.get(f"{live_server.url}/api/organisations/{slug}/").status


def log_in_any_language(page, live_server, username):
    page.goto(f"{live_server.url}/konto/anmelden/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/konto/")


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/konto/anmelden/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    expect(page.locator(".account-nav").get_by_role("link", name="Mein Konto")).to_be_visible()


def test_proposal_is_public_only_after_approval(atlas_page, live_server):
    page = atlas_page
    make_user("koordinatorin", role=COORDINATORS)
    propose_organisation(page, live_server, "Browser-Testverein Staaken", email="vorschlag@example.org")
    organisation = Organisation.objects.get(name="Browser-Testverein Staaken")
    assert organisation.status == PublicationStatus.PENDING
    assert api_status(page, live_server, organisation.slug) == 404
    page.goto(f"{live_server.url}/verzeichnis/?q=Browser-Testverein")
    expect(page.locator("main")).not_to_contain_text("Browser-Testverein Staaken")

    log_in(page, live_server, "koordinatorin")
    page.goto(f"{live_server.url}/moderation/")
    row = page.locator("tr", has_text="Browser-Testverein Staaken")
    row.get_by_role("link", name="prüfen").click()
    expect(page.locator("h1")).to_have_text("Browser-Testverein Staaken")
    page.screenshot(path=f"{SCREENSHOT_DIR}/moderation-submission.png", full_page=True)
    page.get_by_role("button", name="Annehmen und veröffentlichen").click()
    expect(page.locator(".messages")).to_contain_text("Angenommen")

    assert api_status(page, live_server, organisation.slug) == 200
    page.goto(f"{live_server.url}/organisationen/{organisation.slug}/")
    expect(page.locator("h1")).to_have_text("Browser-Testverein Staaken")
    # The coordinator sees the history: the approval is the latest version.
    page.get_by_role("link", name="Änderungsverlauf").click()
    expect(page.locator(".history-version").first).to_contain_text("koordinatorin")
    expect(page.locator(".history-version").first).to_contain_text("Vorschlag angenommen")
    page.screenshot(path=f"{SCREENSHOT_DIR}/moderation-history.png", full_page=True)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["vorschlag@example.org"]
    assert page.console_errors == []
    assert page.outside_requests == [] or all("tile.openstreetmap.org" in url for url in page.outside_requests)


def test_rejection_reason_is_mailed(atlas_page, live_server):
    page = atlas_page
    make_user("koordinator2", role=COORDINATORS)
    propose_organisation(page, live_server, "Abzulehnender Verein", email="absender@example.org")
    log_in(page, live_server, "koordinator2")
    page.goto(f"{live_server.url}/moderation/")
    page.locator("tr", has_text="Abzulehnender Verein").get_by_role("link", name="prüfen").click()
    page.locator(".decision-reject textarea").fill("Bitte mit vollständiger Adresse erneut einreichen.")
    page.get_by_role("button", name="Ablehnen").click()
    expect(page.locator(".messages")).to_contain_text("Abgelehnt")
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.REJECTED
    assert submission.organisation.status == PublicationStatus.ARCHIVED
    assert api_status(page, live_server, submission.organisation.slug) == 404
    assert len(mail.outbox) == 1
    assert re.search("vollständiger Adresse", mail.outbox[0].body)
    assert page.console_errors == []


def test_coordinator_corrects_a_proposal_and_approves_it(atlas_page, live_server):
    """She logs in and lands on her work, opens the queue from its count, adds the languages the proposal
    left out, approves it and follows the confirmation's link to the published entry."""
    page = atlas_page
    make_user("koordinatorin", role=COORDINATORS)
    propose_organisation(page, live_server, "Sprachenverein Wilhelmstadt")
    organisation = Organisation.objects.get(name="Sprachenverein Wilhelmstadt")
    page.goto(f"{live_server.url}/konto/anmelden/")
    page.locator("#id_username").fill("koordinatorin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(f"{live_server.url}/konto/")
    queue = page.locator("[data-count=queue]")
    expect(queue.locator(".dash-number")).to_have_text("1")
    queue.click()
    page.locator("tr", has_text="Sprachenverein Wilhelmstadt").get_by_role("link", name="prüfen").click()
    page.get_by_role("link", name="Vorschlag bearbeiten").click()
    expect(page.locator("h1")).to_have_text("Vorschlag bearbeiten: Sprachenverein Wilhelmstadt")
    for code in ("ku", "ar"):
        pk = Language.objects.get(code=code).pk
        page.locator(f"input[name=languages][value='{pk}']").check()
    page.screenshot(path=f"{SCREENSHOT_DIR}/moderation-review.png", full_page=True)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Speichern", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Änderungen am Vorschlag gespeichert")
    edited = page.locator(".submission-payload tr.row-edited")
    expect(edited).to_contain_text("Kurdî")
    page.screenshot(path=f"{SCREENSHOT_DIR}/moderation-review-saved.png", full_page=True)
    page.get_by_role("button", name="Annehmen und veröffentlichen").click()
    message = page.locator(".messages")
    expect(message).to_contain_text("Angenommen: „Sprachenverein Wilhelmstadt“ ist jetzt veröffentlicht.")
    link = message.get_by_role("link", name="Sprachenverein Wilhelmstadt")
    expect(link).to_have_attribute("href", organisation.get_absolute_url())
    page.screenshot(path=f"{SCREENSHOT_DIR}/moderation-approved-named.png", full_page=True)
    link.click()
    expect(page.locator("h1")).to_have_text("Sprachenverein Wilhelmstadt")
    expect(page.locator("main")).to_contain_text("Kurdî")
    organisation.refresh_from_db()
    assert organisation.status == PublicationStatus.PUBLISHED
    assert sorted(organisation.languages.values_list("code", flat=True)) == ["ar", "ku"]
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_queue_and_stale_list_fit_a_phone(atlas_page, live_server, language):
    """On a 390 px phone the coordinator's queue and the list of entries to check do not scroll sideways:
    each row is a card whose name links to the submission (or entry) and whose "prüfen" is in sight."""
    page = atlas_page
    make_user("koordinatorin", role=COORDINATORS)
    name = "Interkultureller Nachbarschaftsverein Wilhelmstadt-Staaken"
    organisation = make_organisation(name=name, status=PublicationStatus.PENDING)
    submission = Submission.objects.create(kind=Submission.Kind.NEW_ORGANISATION, payload={"name": name},
                                           organisation=organisation, sender_hash="x",
                                           submitter_name="Ayşe Yılmaz-Schneider")
    old = make_organisation(name="Lange nicht geprüfter Kulturverein Hakenfelde")
    Organisation.objects.filter(pk=old.pk).update(last_verified=date(2020, 1, 15))
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in_any_language(page, live_server, "koordinatorin")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/moderation/")
    row = page.locator(f"tr[data-submission='{submission.pk}']")
    expect(row).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, "the queue scrolls sideways"
    title = row.get_by_role("link", name=name)
    expect(title).to_have_attribute("href", f"/moderation/{submission.pk}/")
    check = row.locator(f"a[href='/moderation/{submission.pk}/']").last
    box = check.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the review link is off-screen"
    assert axe_violations(page) == []
    page.screenshot(path=f"{SCREENSHOT_DIR}/moderation-queue-phone-{language}.png", full_page=True)

    page.goto(f"{live_server.url}/moderation/pruefen/")
    expect(page.get_by_role("link", name=old.name)).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, "the stale list scrolls sideways"
    assert axe_violations(page) == []
    page.screenshot(path=f"{SCREENSHOT_DIR}/moderation-stale-phone-{language}.png", full_page=True)

    page.goto(f"{live_server.url}/moderation/")
    page.get_by_role("link", name=name).click()
    expect(page.locator("h1")).to_have_text(name)
