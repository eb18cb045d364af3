"""The coordinators' overview of the needs analysis: aggregates per topic and per Ortsteil, open needs,
the charts (inline SVG without inline style), the CSV export, and who sees what."""

import csv
import io
import re

import pytest
from django.urls import reverse

from atlas.directory.models import Organisation, PublicationStatus
from atlas.needs.queries import needs_overview
from atlas.roles.permissions import COORDINATORS, PLANNERS
from geodata.models import Ortsteil, PlanningArea
from tests.atlas.directory.factories import make_organisation
from tests.atlas.needs.factories import answer
from tests.factories import KLADOW, RATHAUS_SPANDAU, SIEMENSSTADT, make_user
from tests.support import INLINE_SCRIPT

pytestmark = pytest.mark.django_db

PRIVATE_POINT = (13.1650, 52.5460)
XSS = "<script>alert(1)</script>"


@pytest.fixture
def answers():
    """Six organisations in different Ortsteile; one archived (not counted), one a draft (counted; its
    offer does not close a need, as matching suggests published organisations only)."""
    a = make_organisation(name="A-Verein", location=RATHAUS_SPANDAU)
    b = make_organisation(name="B-Verein", location=KLADOW)
    c = make_organisation(name="C-Verein", location=SIEMENSSTADT)
    d = make_organisation(name="D-Entwurf", location=RATHAUS_SPANDAU, status=PublicationStatus.DRAFT)
    e = make_organisation(name="E-Archiv", location=KLADOW, status=PublicationStatus.ARCHIVED)
    f = make_organisation(name="Frau F.", kind=Organisation.Kind.INDIVIDUAL, location=PRIVATE_POINT)
    answer(a, needs=[("rooms", 1, XSS), ("funding", 2, "Miete")], offers=[("volunteers", "")])
    answer(b, needs=[("rooms", 1, ""), ("translation", 3, "Dari")], offers=[("funding", "Stiftung")])
    answer(c, needs=[("rooms", 2, "")], offers=[("rooms", "Saal")])
    answer(d, needs=[("funding", 1, "")], offers=[("translation", "")])
    answer(e, needs=[("rooms", 1, "")], offers=[("legal-advice", "")])
    answer(f, needs=[("rooms", 3, "")])
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}


def by_key(overview):
    return {row.topic.key: row for row in overview.topics}


def test_counts_per_topic(answers):
    overview = needs_overview()
    rows = by_key(overview)
    assert overview.assessments == 5 and overview.organisations == 5
    assert rows["rooms"].by_priority == {1: 2, 2: 1, 3: 1} and rows["rooms"].needs == 4
    assert rows["rooms"].offers == 1
    assert rows["funding"].by_priority == {1: 1, 2: 1, 3: 0} and rows["funding"].offers == 1
    assert rows["translation"].by_priority == {1: 0, 2: 0, 3: 1} and rows["translation"].offers == 1
    assert rows["volunteers"].needs == 0 and rows["volunteers"].offers == 1
    assert rows["legal-advice"].needs == 0 and rows["legal-advice"].offers == 0  # only the archived one
    assert overview.total_needs == 7 and overview.total_offers == 4
    assert [row.topic.key for row in overview.topics][:2] == ["rooms", "funding"]
    assert len(overview.topics) == 13


def test_open_needs(answers):
    overview = needs_overview()
    rows = by_key(overview)
    # rooms: C offers, so A, B and F are matched; C's own offer does not count for C.
    assert rows["rooms"].open_needs == 1
    # funding: B (published) offers; translation: only the draft D offers – still open.
    assert rows["funding"].open_needs == 0 and rows["translation"].open_needs == 1
    assert [(need.organisation["name"], need.topic.key, need.priority) for need in overview.open_needs] == [
        ("C-Verein", "rooms", 2), ("B-Verein", "translation", 3)]


def test_counts_per_ortsteil(answers):
    overview = needs_overview()
    spandau = Ortsteil.objects.get(key="0501")
    kladow, siemensstadt = answers["b"].ortsteil, answers["c"].ortsteil
    assert len({spandau.pk, kladow.pk, siemensstadt.pk}) == 3
    # The individual without address consent counts in its planning area's Ortsteil.
    private_ortsteil = PlanningArea.objects.get(pk=answers["f"].planning_area_id).ortsteil
    expected_rooms = {spandau.pk: 1, kladow.pk: 1, siemensstadt.pk: 1}
    expected_rooms[private_ortsteil.pk] = expected_rooms.get(private_ortsteil.pk, 0) + 1
    rooms = {ortsteil_id: overview.by_ortsteil.get((by_key(overview)["rooms"].topic.pk, ortsteil_id), 0)
             for ortsteil_id, _name in overview.ortsteile}
    assert {pk: count for pk, count in rooms.items() if count} == expected_rooms
    funding = by_key(overview)["funding"].topic.pk
    assert overview.by_ortsteil[(funding, spandau.pk)] == 2  # A and the draft D
    assert [name for _pk, name in overview.ortsteile][:3] == ["Spandau", "Haselhorst", "Siemensstadt"]
    assert len(overview.ortsteile) == 9  # every entry has an Ortsteil: no "ohne Ortsteil" column
    matrix = {row.topic.key: (counts, total) for row, counts, total in overview.ortsteil_matrix()}
    assert matrix["rooms"][1] == 4 and sum(overview.ortsteil_totals()) == 7


def test_entries_without_ortsteil_get_their_own_column():
    unplaced = make_organisation(name="Ohne Lage", location=None)
    answer(unplaced, needs=[("rooms", 1, "")])
    overview = needs_overview()
    assert overview.ortsteile[-1] == (None, "ohne Ortsteil")
    assert overview.ortsteil_totals()[-1] == 1


def get(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    return response, response.content.decode()


def test_overview_page_for_coordinators(client, answers):
    client.force_login(make_user("koordination", role=COORDINATORS))
    response, html = get(client, reverse("needs:overview"))
    assert response.status_code == 200
    assert html.count("<svg") == 2 and 'role="img"' in html
    assert 'id="tabelle-themen"' in html and 'id="tabelle-ortsteile"' in html
    # The tables carry the numbers: rooms 2 / 1 / 1, 4 in all, 1 offer, 1 open.
    assert re.search(r'<th scope="row">Räume</th>\s*<td class="num">2</td><td class="num">1</td><td class="num">1</td>'
                     r'\s*<td class="num">4</td><td class="num">1</td><td class="num">1</td>', html)
    # Open needs name the organisation, link to its matching page, and escape the note.
    assert 'id="tabelle-offen"' in html
    assert f'href="{reverse("needs:matching", kwargs={"slug": answers["c"].slug})}"' in html
    assert "B-Verein" in html and "Dari" in html
    assert XSS not in html
    # CSP: no inline style or script anywhere on the page; SVG numbers use a decimal point.
    assert " style=" not in html and not INLINE_SCRIPT.search(html)
    svg = html[html.index("<svg"):html.rindex("</svg>")]
    assert not re.search(r'(?:x|y|width|height)="\d+,\d+"', svg)


def test_need_notes_are_escaped_on_the_overview(client, answers):
    answer(make_organisation(name="Niemand bietet"), needs=[("legal-advice", 1, XSS)])
    client.force_login(make_user("koordination", role=COORDINATORS))
    _response, html = get(client, reverse("needs:overview"))
    assert XSS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_planners_see_aggregates_without_names(client, answers):
    client.force_login(make_user("planung", role=PLANNERS))
    response, html = get(client, reverse("needs:overview"))
    assert response.status_code == 200
    assert 'id="tabelle-themen"' in html and 'id="tabelle-ortsteile"' in html
    for organisation in answers.values():
        assert organisation.name not in html
    assert 'id="tabelle-offen"' not in html and "Dari" not in html and "Miete" not in html
    # Counts of one or two organisations are suppressed for planners (atlas.needs.disclosure).
    assert "Räume: •" in html and "Sprachmittlung und Übersetzung: •" in html
    assert "Zellen mit weniger als 3 Organisationen sind unterdrückt" in html


def test_overview_access(client):
    for url in (reverse("needs:overview"), reverse("needs:overview-csv")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    organisation = make_organisation()
    for user in (make_user("irgendwer"), make_user("redaktion", organisations=[organisation])):
        client.force_login(user)
        assert client.get(reverse("needs:overview")).status_code == 403
        assert client.get(reverse("needs:overview-csv")).status_code == 403


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="migraktiv-bedarfsanalyse')
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_csv_for_coordinators_has_one_row_per_organisation_and_topic(client, answers):
    client.force_login(make_user("koordination", role=COORDINATORS))
    rows = read_csv(client.get(reverse("needs:overview-csv")))
    assert rows[0] == ["Organisation", "Kurzname", "Status", "Ortsteil", "Thema", "Bedarf", "Dringlichkeit",
                       "Beschreibung des Bedarfs", "Bedarf ohne Angebot", "Angebot", "Beschreibung des Angebots"]
    body = rows[1:]
    assert [(row[0], row[4]) for row in body] == [
        ("A-Verein", "Räume"), ("A-Verein", "Finanzierung und Fördermittel"), ("A-Verein", "Ehrenamtliche"),
        ("B-Verein", "Räume"), ("B-Verein", "Finanzierung und Fördermittel"),
        ("B-Verein", "Sprachmittlung und Übersetzung"),
        ("C-Verein", "Räume"),
        ("D-Entwurf", "Finanzierung und Fördermittel"), ("D-Entwurf", "Sprachmittlung und Übersetzung"),
        ("Frau F.", "Räume"),
    ]
    a_rooms = body[0]
    assert a_rooms[1] == answers["a"].slug and a_rooms[2] == "published" and a_rooms[3] == "Spandau"
    assert a_rooms[5:] == ["ja", "dringend", XSS, "nein", "nein", ""]
    assert body[4][5:] == ["nein", "", "", "", "ja", "Stiftung"]  # B offers funding
    assert body[6][5:] == ["ja", "wichtig", "", "ja", "ja", "Saal"]  # C: rooms needed and offered, still open
    assert body[8][2] == "draft"
    assert not any(row[0] == "E-Archiv" for row in body)


def test_csv_neutralises_formulas(client):
    answer(make_organisation(name="=HYPERLINK(\"x\")"), needs=[("rooms", 1, "@SUM(A1)")])
    client.force_login(make_user("koordination", role=COORDINATORS))
    rows = read_csv(client.get(reverse("needs:overview-csv")))
    assert rows[1][0] == "'=HYPERLINK(\"x\")" and rows[1][7] == "'@SUM(A1)"


def test_csv_for_planners_holds_counts_only(client, answers):
    client.force_login(make_user("planung", role=PLANNERS))
    response = client.get(reverse("needs:overview-csv"))
    text = response.content.decode("utf-8-sig")
    for organisation in answers.values():
        assert organisation.name not in text
    assert XSS not in text and "Dari" not in text
    rows = read_csv(response)
    assert rows[0] == ["Thema", "Ortsteil", "Bedarfe gesamt", "Angebote"]
    body = [row for row in rows[1:] if len(row) == 4]
    columns = {row[1] for row in body}
    assert len(body) == 13 * len(columns)
    # Every Ortsteil holds fewer than three of these organisations: merged, small cells hidden.
    assert "übrige Ortsteile" in columns and not {"Spandau", answers["b"].ortsteil.name} & columns
    assert all(cell == "0" or cell == "•" or int(cell) >= 3 for row in body for cell in row[2:])
    cells = {row[0]: row[2:] for row in body if row[1] == "übrige Ortsteile"}
    assert cells["Räume"] == ["4", "•"]
    notes = [row[0] for row in rows[1:] if len(row) == 1]
    assert notes[-1].startswith("Zellen mit weniger als 3 Organisationen sind unterdrückt")
    assert notes[0].startswith("Ortsteile mit weniger als 3 Organisationen sind zusammengefasst")


@pytest.mark.parametrize("role", [COORDINATORS, PLANNERS])
def test_without_answers_the_overview_says_what_to_do(client, role):
    """No bars of zeros: the page says that nothing is answered yet and what to do about it."""
    editor_of = make_organisation(name="Verein mit Redaktion")
    make_user("redaktion", organisations=[editor_of])
    make_organisation(name="Verein ohne Redaktion")
    answer(make_organisation(name="Nur Anmerkung"), comment="Melden uns später")  # a questionnaire, no answer
    client.force_login(make_user("leser", role=role))
    response = client.get(reverse("needs:overview"))
    page = response.content.decode()
    assert response.status_code == 200 and response.context["empty"] is True
    assert "Noch keine Antworten" in page
    assert "<svg" not in page and "tabelle-themen" not in page and reverse("needs:overview-csv") not in page
    if role == COORDINATORS:
        published = Organisation.objects.published()
        with_editors = published.filter(editor_links__isnull=False).distinct().count()
        assert f"Veröffentlichte Organisationen mit Redakteur:in: {with_editors} von {published.count()}." in page
        assert reverse("admin:atlas_organisation_changelist") in page
    else:
        assert "Die Koordination bittet die Organisationen" in page
        assert reverse("admin:atlas_organisation_changelist") not in page
    # The first answer brings the figures back.
    answer(editor_of, needs=[("rooms", 1, "")])
    page = client.get(reverse("needs:overview")).content.decode()
    assert "Noch keine Antworten" not in page and "<svg" in page
