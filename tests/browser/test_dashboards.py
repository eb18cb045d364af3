"""The account page as each role's work page, in the browser: a coordinator, an organisation editor and a
planner log in through the form and land on their panel; on a laptop (1366×800) and a phone (390×844),
in German and in Arabic (right to left), nothing scrolls sideways and axe-core finds no WCAG A/AA
violation. Screenshots: var/screenshots/dashboard-<role>-<language>-<width>.png."""

import pytest
from playwright.sync_api import expect

from atlas.directory.models import PublicationStatus
from atlas.moderation.models import Submission
from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.directory.factories import make_organisation
from tests.atlas.events.factories import make_event
from tests.atlas.needs.factories import answer
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.support import CHART_OVERLAPS
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = [(1366, 800), (390, 844)]
PANELS = {"coordinator": "#dash-coordination", "editor": "#dash-organisations", "planner": "#dash-planning"}


def make_role(role):
    if role == "coordinator":
        pending = make_organisation(name="Wartender Kulturverein", status=PublicationStatus.PENDING)
        Submission.objects.create(kind=Submission.Kind.NEW_ORGANISATION, payload={"name": pending.name},
                                  organisation=pending, sender_hash="x", submitter_name="Ayşe")
        make_organisation(name="Verein nur auf Planungsraum genau", location_precision="planning_area")
        return make_user("koordination", role=COORDINATORS)
    if role == "planner":
        return make_user("planung", role=PLANNERS)
    own = make_organisation(name="Deutsch-Arabischer Elternverein")
    answer(own, needs=[("rooms", 1, "")])
    answer(make_organisation(name="Raumgebender Verein"), offers=[("rooms", "Saal")])
    make_event(title="Elterncafé", organiser=own)
    return make_user("redaktion", organisations=[own])


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/konto/anmelden/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/konto/")


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("role", ["coordinator", "editor", "planner"])
def test_each_role_lands_on_its_work(atlas_page, live_server, role, language):
    page = atlas_page
    user = make_role(role)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    log_in(page, live_server, user.username)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    expect(page.locator(PANELS[role])).to_be_visible()
    for other, selector in PANELS.items():
        if other != role:
            expect(page.locator(selector)).to_have_count(0)
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(100)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, "scrolls sideways"
        page.screenshot(path=f"{SCREENSHOT_DIR}/dashboard-{role}-{language}-{width}.png", full_page=True)
        assert axe_violations(page) == []
    # The counts and tools lead to their lists.
    if role == "coordinator":
        queue = page.locator("[data-count=queue]")
        expect(queue.locator(".dash-number")).to_have_text("1")
        queue.click()
        expect(page.locator("tr", has_text="Wartender Kulturverein")).to_be_visible()
    elif role == "editor":
        row = page.locator(".dash-entry", has_text="Deutsch-Arabischer Elternverein")
        expect(page.locator(".dash-events")).to_contain_text("Elterncafé")
        row.locator("[data-cell=matching] a").click()
        expect(page.locator("main")).to_contain_text("Raumgebender Verein")
    else:
        page.locator(".dash-tools a").first.click()
        page.wait_for_url(f"{live_server.url}/planung/")
    assert page.console_errors == []
    assert page.outside_requests == []


def test_the_needs_count_leads_to_an_overview_that_says_what_to_do(atlas_page, live_server):
    page = atlas_page
    make_user("koordination", role=COORDINATORS)
    log_in(page, live_server, "koordination")
    page.locator("[data-count=needs]").click()
    page.wait_for_url(f"{live_server.url}/bedarfsanalyse/")
    expect(page.get_by_role("heading", name="Noch keine Antworten")).to_be_visible()
    expect(page.locator("svg")).to_have_count(0)
    expect(page.locator(".needs-steps li")).to_have_count(4)  # no organisation yet: import first
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=f"{SCREENSHOT_DIR}/needs-empty-{width}.png", full_page=True)
        assert axe_violations(page) == []
    assert page.console_errors == []


def test_needs_chart_is_readable_in_arabic(atlas_page, live_server):
    """The needs overview's bar chart on a right-to-left page: topic labels before the bars, totals after
    them, nothing overlapping (the SVG is laid out left to right whatever the page's direction)."""
    page = atlas_page
    for index, topic in enumerate(("rooms", "volunteers", "funding")):
        answer(make_organisation(name=f"Verein mit Bedarf {index}"), needs=[(topic, 1, ""), ("translation", 2, "")],
               offers=[("expertise", "")])
    make_user("koordination", role=COORDINATORS)
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    log_in(page, live_server, "koordination")
    page.goto(f"{live_server.url}/bedarfsanalyse/")
    chart = page.locator("svg.needs-chart").first
    expect(chart).to_be_visible()
    assert chart.evaluate(CHART_OVERLAPS) == []
    chart.screenshot(path=f"{SCREENSHOT_DIR}/needs-chart-ar.png")
