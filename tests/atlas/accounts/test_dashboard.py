"""The account page as everyone's work page after login: what each role sees there (and what not),
and that every count is the length of the list it links to."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from atlas.accounts.dashboard import imprecise, last_imports
from atlas.directory.importing import run_import
from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from atlas.moderation.models import Submission
from atlas.roles.permissions import COORDINATORS, PLANNERS
from geodata.models import Ortsteil
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.directory.importing.support import MESSY_CSV
from tests.atlas.events.factories import in_days, make_event
from tests.atlas.needs.factories import answer
from tests.factories import PASSWORD, make_user
from tests.support import INLINE_SCRIPT

pytestmark = pytest.mark.django_db

COORDINATION_PANEL = 'id="dash-coordination"'
PLANNER_PANEL = 'id="dash-planning"'
EDITOR_PANEL = 'id="dash-organisations"'


def page_of(client, user):
    client.force_login(user)
    response = client.get(reverse("account"))
    assert response.status_code == 200
    html = response.content.decode()
    assert " style=" not in html and not INLINE_SCRIPT.search(html)  # the CSP allows neither
    return html


def count_link(page, name):
    """(href, number) of the count card ``data-count=name``."""
    match = re.search(rf'<a href="([^"]+)" data-count="{name}">.*?<span class="dash-number">(\d+)</span>', page,
                      re.S)
    assert match, name
    return match.group(1).replace("&amp;", "&"), int(match.group(2))


@pytest.mark.parametrize("role", [COORDINATORS, PLANNERS, None])
def test_login_lands_on_the_account_page(client, role):
    make_user("person", role=role)
    response = client.post(reverse("login"), {"username": "person", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("account")
    client.logout()
    # A page that asked for the login comes first.
    response = client.post(reverse("login") + "?next=/moderation/", {"username": "person", "password": PASSWORD})
    assert response["Location"] == "/moderation/"


def test_coordinator_sees_her_work_as_counts_that_link_to_the_lists(client):
    coordinator = make_user("koordination", role=COORDINATORS)
    proposed = make_organisation(name="Wartender Verein", status=PublicationStatus.PENDING)
    Submission.objects.create(kind=Submission.Kind.NEW_ORGANISATION, payload={"name": "Wartender Verein"},
                              organisation=proposed, sender_hash="x")
    stale = make_organisation(name="Lange nicht geprüft", last_verified=timezone.localdate() - timedelta(days=400))
    make_organisation(name="Nur Planungsraum", location_precision="planning_area")
    make_organisation(name="Ohne Lage", location=None, location_precision="")
    make_organisation(name="Archiviert ohne Lage", location=None, status=PublicationStatus.ARCHIVED)
    page = page_of(client, coordinator)
    assert COORDINATION_PANEL in page and PLANNER_PANEL not in page and EDITOR_PANEL not in page
    assert "noch für keine Organisation" not in page

    url, number = count_link(page, "queue")
    assert url == reverse("moderation:queue") and number == 1
    assert "Wartender Verein" in page  # the oldest proposals, each linked to its review
    assert reverse("moderation:submission", kwargs={"pk": Submission.objects.get().pk}) in page

    url, number = count_link(page, "stale")
    assert url == reverse("moderation:stale")
    listed = client.get(url)
    assert stale.name in listed.content.decode()
    assert number == len(listed.context["organisation_rows"]) + len(listed.context["meeting_places"]) >= 1

    for model, kind in ((Organisation, "organisation"), (MeetingPlace, "meetingplace")):
        url, number = count_link(page, f"imprecise-{kind}")
        assert number == imprecise(model).count()
        assert url == reverse("atlas:placing") + "#placing-" + {"organisation": "organisation",
                                                                 "meetingplace": "treffpunkt"}[kind]
        listed = client.get(url)  # the queue "Lage genau setzen", the same entries
        assert listed.status_code == 200
        assert {section["kind"]: section["total"] for section in listed.context["sections"]}[
            {"organisation": "organisation", "meetingplace": "treffpunkt"}[kind]] == number
    names = {entry.name for entry in imprecise(Organisation)}
    assert {"Nur Planungsraum", "Ohne Lage"} <= names and "Archiviert ohne Lage" not in names

    url, number = count_link(page, "needs")
    assert url == reverse("needs:overview") and number == 0
    assert reverse("admin:atlas_organisation_import") in page
    assert "Noch keine Importe." in page


def test_needs_count_follows_the_answers(client):
    coordinator = make_user("koordination", role=COORDINATORS)
    answer(make_organisation(), needs=[("rooms", 1, "")], offers=[("funding", "")])
    answer(make_organisation(status=PublicationStatus.ARCHIVED), needs=[("rooms", 1, "")])
    _url, number = count_link(page_of(client, coordinator), "needs")
    assert number == 1


def test_last_imports_name_file_person_and_counts(client):
    coordinator = make_user("koordination", role=COORDINATORS)
    report = run_import(MESSY_CSV.encode("cp1252"), "mitglieder.csv", dry_run=False)
    assert report.committed
    [run] = last_imports()
    assert (run.file, run.created, run.changed, run.model) == ("mitglieder.csv", 3, 0, Organisation)
    page = page_of(client, coordinator)
    assert "mitglieder.csv" in page
    row = re.search(r'<span class="dash-file">mitglieder.csv</span>.*?</li>', page, re.S).group(0)
    assert "neu: 3, geändert: 0" in row
    assert reverse("admin:atlas_organisation_changelist") in row
    # A second import of the same file changes the three entries: a run of its own.
    assert run_import(MESSY_CSV.encode("cp1252"), "mitglieder.csv", dry_run=False).committed
    runs = last_imports()
    assert [(run.created, run.changed) for run in runs] == [(0, 3), (3, 0)]


def test_editor_sees_her_entries_events_questionnaire_and_offers(client):
    own = make_organisation(name="Eigener Verein")
    second = make_organisation(name="Zweiter eigener Verein", status=PublicationStatus.PENDING)
    other = make_organisation(name="Fremder Verein")
    offering = make_organisation(name="Anbietender Verein")
    answer(own, needs=[("rooms", 1, ""), ("funding", 2, "")])
    answer(offering, offers=[("rooms", "Saal")])
    answer(other, offers=[("funding", "")])
    make_meeting_place(name="Eigener Treffpunkt", operator=own)
    make_event(title="Kommendes Fest", organiser=own)
    make_event(title="Eingereichter Workshop", organiser=second, status=PublicationStatus.PENDING)
    make_event(title="Vergangenes Fest", organiser=own, start=in_days(-10))
    make_event(title="Fremdes Fest", organiser=other)
    editor = make_user("redaktion", organisations=[own, second])
    page = page_of(client, editor)
    assert EDITOR_PANEL in page and COORDINATION_PANEL not in page and PLANNER_PANEL not in page
    assert reverse("moderation:queue") not in page and reverse("needs:overview") not in page
    assert reverse("admin:index") not in page
    assert "Eigener Verein" in page and "Zweiter eigener Verein" in page and "Fremder Verein" not in page
    assert "Eigener Treffpunkt" in page
    assert "Kommendes Fest" in page and "Eingereichter Workshop" in page
    assert "Vergangenes Fest" not in page and "Fremdes Fest" not in page

    own_row = re.search(rf'<li class="dash-entry" data-slug="{own.slug}">.*?</li>', page, re.S).group(0)
    questionnaire = re.search(r'data-cell="questionnaire"><a href="([^"]+)">([^<]+)</a>', own_row)
    assert questionnaire.group(1) == reverse("needs:questionnaire", kwargs={"slug": own.slug})
    assert "ausgefüllt am" in questionnaire.group(2) and "Bedarfe: 2" in questionnaire.group(2)
    matching = re.search(r'data-cell="matching"><a href="([^"]+)">([^<]+)</a>', own_row)
    assert matching.group(1) == reverse("needs:matching", kwargs={"slug": own.slug})
    assert "Organisationen mit Angebot: 2" in matching.group(2)  # two others offer what it needs
    second_row = re.search(rf'<li class="dash-entry" data-slug="{second.slug}">.*?</li>', page, re.S).group(0)
    assert "noch nicht ausgefüllt" in second_row and "erst Bedarfe angeben" in second_row
    # The pending organisation has no public page to link.
    assert f'href="{second.get_absolute_url()}"' not in page and f'href="{own.get_absolute_url()}"' in page


def test_planner_sees_her_tools(client):
    planner = make_user("planung", role=PLANNERS)
    page = page_of(client, planner)
    assert PLANNER_PANEL in page and COORDINATION_PANEL not in page and EDITOR_PANEL not in page
    for url in (reverse("planning:planner"), reverse("planning:ortsteil-list"),
                reverse("geodata:planning-area-table"), reverse("needs:overview")):
        assert f'href="{url}"' in page
    ortsteile = list(Ortsteil.objects.all())
    assert len(ortsteile) == 9
    for ortsteil in ortsteile:
        assert reverse("planning:ortsteil-report", kwargs={"key": ortsteil.key}) in page
        assert reverse("planning:ortsteil-report-pdf", kwargs={"key": ortsteil.key}) in page
    assert reverse("moderation:queue") not in page and reverse("moderation:stale") not in page
    assert "noch für keine Organisation" not in page


def test_a_person_without_role_sees_no_panel(client):
    page = page_of(client, make_user("niemand"))
    assert COORDINATION_PANEL not in page and PLANNER_PANEL not in page and EDITOR_PANEL not in page
    assert "noch für keine Organisation" in page
    assert reverse("moderation:queue") not in page and reverse("planning:planner") not in page.split("<main")[1]


def test_entries_waiting_for_publication_are_counted_and_published_from_the_list(client):
    """An import's rows wait for publication: the coordinator sees how many, finds them in the admin's list
    and publishes a selection there; an entry that fails its checks stays waiting and is named."""
    coordinator = make_user("koordinatorin", role=COORDINATORS)
    waiting = [make_organisation(name=f"Importiert {n}", status=PublicationStatus.PENDING) for n in range(2)]
    refused = make_organisation(name="Fehlerhaft", status=PublicationStatus.PENDING, website="kein Link")
    page = page_of(client, coordinator)
    url, number = count_link(page, "waiting-organisation")
    assert number == 3
    listed = client.get(url)
    assert listed.status_code == 200 and listed.context["cl"].result_count == 3
    response = client.post(reverse("admin:atlas_organisation_changelist"), {
        "action": "publish_selection", "_selected_action": [entry.pk for entry in [*waiting, refused]]}, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert "Veröffentlicht: 2." in shown
    assert any(message.startswith("Nicht veröffentlicht – Fehlerhaft: ") for message in shown)
    assert [entry.status for entry in Organisation.objects.filter(pk__in=[entry.pk for entry in waiting])] == [
        "published", "published"]
    refused.refresh_from_db()
    assert refused.status == PublicationStatus.PENDING
    assert Organisation.history.filter(name="Importiert 0", history_change_reason__startswith="Veröffentlicht").exists()
