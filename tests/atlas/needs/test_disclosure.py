"""Planners see the needs analysis without counts that point at one organisation: cells below
ATLAS_MIN_CELL_SIZE (3) are suppressed, with complementary suppression against the totals, and small
Ortsteile are merged. Coordinators see the exact figures."""

import csv
import io
import re

import pytest
from django.urls import reverse

from atlas.needs.disclosure import merged_columns, protect, protect_counts, protect_together
from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.directory.factories import make_organisation
from tests.atlas.needs.factories import answer
from tests.factories import KLADOW, RATHAUS_SPANDAU, SIEMENSSTADT, make_user

pytestmark = pytest.mark.django_db

K = 3
STAAKEN = (13.1425, 52.5345)
SMALL = {"1", "2"}


def shown_lines(table):
    """The rows and columns of a protected table (the totals row and column too), each with its total."""
    lines = [(row, total) for row, total in zip(table.cells, table.row_totals, strict=True)]
    lines += [(list(column), total) for column, total in zip(zip(*table.cells, strict=True), table.column_totals,
                                                            strict=True)]
    lines.append((table.column_totals, table.total))
    lines.append((table.row_totals, table.total))
    return lines


def check_lines(lines, original_lines, k=K):
    """No shown count below k; a line whose total is shown hides no cell or ≥ 2 cells worth ≥ k
    together (hidden cells are ≥ 1, so none follows from the total); a hidden total has a hidden cell."""
    for (shown, total), (values, value_total) in zip(lines, original_lines, strict=True):
        hidden = [value for cell, value in zip(shown, values, strict=True) if cell is None]
        assert total is None or total == value_total
        assert [cell for cell in shown if cell is not None] == [
            value for cell, value in zip(shown, values, strict=True) if cell is not None]
        if total is None:
            assert hidden or not any(values)
        elif hidden:
            assert len(hidden) >= 2 and sum(hidden) >= k
            assert total - sum(cell for cell in shown if cell is not None) == sum(hidden)
        assert all(cell is None or not 0 < cell < k for cell in [*shown, total])


def original_lines(matrix):
    lines = [(row, sum(row)) for row in matrix]
    columns = [list(column) for column in zip(*matrix, strict=True)]
    lines += [(column, sum(column)) for column in columns]
    column_totals = [sum(column) for column in columns]
    row_totals = [sum(row) for row in matrix]
    lines.append((column_totals, sum(column_totals)))
    lines.append((row_totals, sum(row_totals)))
    return lines


@pytest.mark.parametrize("matrix", [
    [[1, 5, 4], [3, 3, 0], [6, 2, 7]],
    [[1, 0, 0], [0, 0, 9], [4, 4, 4]],
    [[2, 2], [2, 2]],
    [[0, 1], [0, 0]],
    [[7, 1, 8, 9, 3], [1, 1, 0, 0, 12], [5, 4, 3, 0, 2]],
])
def test_protect_leaves_no_small_or_recomputable_cell(matrix):
    table = protect(matrix, K, len(matrix[0]))
    check_lines(shown_lines(table), original_lines(matrix))


def test_tables_sharing_row_totals_hide_the_same_totals():
    by_priority = [[1, 1, 0], [3, 4, 5]]
    by_area = [[2, 0], [6, 6]]
    first, second = protect_together([(by_priority, 3), (by_area, 2)], K)
    assert first.row_totals == second.row_totals and first.total == second.total
    assert first.row_totals[0] is None
    check_lines(shown_lines(first), original_lines(by_priority))
    check_lines(shown_lines(second), original_lines(by_area))


def test_protect_counts_hides_a_complement():
    counts, total = protect_counts([1, 5, 6, 0], K)
    assert counts[0] is None and sum(value is None for value in counts) >= 2 and total == 12


def test_small_ortsteile_are_merged_until_they_hold_enough():
    columns = [(1, "Spandau"), (2, "Kladow"), (3, "Gatow"), (4, "Staaken")]
    merged, names = merged_columns(columns, {1: 9, 2: 1, 3: 0, 4: 4}, K)
    assert merged == [((1,), "Spandau"), ((3,), "Gatow"), ((2, 4), "übrige Ortsteile")]
    assert names == ["Kladow", "Staaken"]
    assert merged_columns(columns, {1: 3, 4: 5}, K) == ([((pk,), name) for pk, name in columns], [])


@pytest.fixture
def network():
    """Spandau five organisations, Siemensstadt four; Kladow one and Staaken two (small: merged)."""
    spandau = [make_organisation(name=f"Spandauer Verein {n}", location=RATHAUS_SPANDAU) for n in range(5)]
    siemensstadt = [make_organisation(name=f"Siemensstädter Verein {n}", location=SIEMENSSTADT) for n in range(4)]
    kladow = make_organisation(name="Kladower Verein", location=KLADOW)
    staaken = [make_organisation(name=f"Staakener Verein {n}", location=STAAKEN) for n in range(2)]
    assert [kladow.ortsteil.name, staaken[0].ortsteil.name, siemensstadt[0].ortsteil.name] == [
        "Kladow", "Staaken", "Siemensstadt"]
    for organisation in spandau[:4]:
        answer(organisation, needs=[("rooms", 1, "")], offers=[("volunteers", "")])
    answer(spandau[4], needs=[("rooms", 2, ""), ("translation", 1, "")])
    for organisation in siemensstadt:
        answer(organisation, needs=[("rooms", 3, "")])
    answer(siemensstadt[0], needs=[("funding", 2, "")])
    answer(kladow, needs=[("funding", 1, "Miete")], offers=[("rooms", "")])
    for organisation in staaken:
        answer(organisation, needs=[("rooms", 2, "")])
    return {"spandau": spandau, "kladow": kladow, "siemensstadt": siemensstadt, "staaken": staaken}


def numbers_in(html):
    """Every number a planner can read on the page: table cells, chart labels and tooltips, lists."""
    cells = re.findall(r'<td class="num">([^<]*)</td>', html)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", html)
    titles = [title.rsplit(": ", 1)[-1] for title in re.findall(r"<title>([^<]*)</title>", html)]
    items = [item.rsplit(": ", 1)[-1] for item in re.findall(r"<li>([^<]*: [^<]*)</li>", html)]
    return [value.strip() for value in cells + texts + titles + items if value.strip()]


def test_planner_page_shows_no_cell_of_one_or_two(client, network):
    client.force_login(make_user("planung", role=PLANNERS))
    html = client.get(reverse("needs:overview"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    numbers = [value for value in numbers_in(html) if value.isdigit() or value == "•"]
    assert numbers and "•" in numbers
    assert not SMALL & set(numbers)
    assert "Kladow; Finanzierung" not in html
    # Kladow and Siemensstadt hold one organisation each: merged, never a column of their own.
    table = html[html.index('id="tabelle-ortsteile"'):]
    header = table[:table.index("</thead>")]
    assert ">Kladow<" not in header and ">Staaken<" not in header and ">Siemensstadt<" in header
    assert "übrige Ortsteile" in header
    assert "Zellen mit weniger als 3 Organisationen sind unterdrückt" in html
    assert "zusammengefasst: Staaken, Kladow." in html  # the note on merged Ortsteile, in key order


def read_csv(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_planner_csv_shows_no_cell_of_one_or_two(client, network):
    client.force_login(make_user("planung", role=PLANNERS))
    rows = read_csv(client.get(reverse("needs:overview-csv")))
    assert rows[0] == ["Thema", "Ortsteil", "Bedarfe gesamt", "Angebote"]
    body = [row for row in rows[1:] if len(row) == 4]
    assert not any(SMALL & set(row[2:]) for row in body)
    assert {row[1] for row in body} >= {"Spandau", "übrige Ortsteile"}
    assert not {"Kladow", "Staaken"} & {row[1] for row in body}
    cells = {(row[0], row[1]): row[2:] for row in body}
    # Rooms: Staaken's two needs are hidden; so are Spandau's five and Siemensstadt's four, as their
    # columns each hold one hidden single need (translation, funding). Kladow's single offer is hidden.
    assert [cells[("Räume", name)] for name in ("Spandau", "Siemensstadt", "übrige Ortsteile")] == [
        ["•", "0"], ["•", "0"], ["•", "•"]]
    assert cells[("Sprachmittlung und Übersetzung", "Spandau")] == ["•", "0"]
    assert cells[("Finanzierung und Fördermittel", "übrige Ortsteile")][0] == "•"
    assert cells[("Finanzierung und Fördermittel", "Siemensstadt")][0] == "•"
    # Spandau's four volunteer offers are hidden too: else 5 offers in all − 4 gives Kladow's one.
    assert cells[("Ehrenamtliche", "Spandau")] == ["0", "•"]
    assert any("Zellen mit weniger als 3 Organisationen sind unterdrückt" in " ".join(row) for row in rows)


def test_planner_totals_do_not_give_away_a_suppressed_cell(client, network):
    client.force_login(make_user("planung", role=PLANNERS))
    html = client.get(reverse("needs:overview"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    table = html[html.index('id="tabelle-ortsteile"'):]
    table = table[:table.index("</table>")]
    rows = [re.findall(r'<td class="num">([^<]*)</td>', row) for row in re.findall(r"<tr>(.*?)</tr>", table)[1:]]
    for row in rows:  # each row: cells …, total
        *cells, total = row
        hidden = cells.count("•")
        assert hidden != 1 or total == "•"
    for column in zip(*rows, strict=True):
        *cells, total = column
        assert cells.count("•") != 1 or total == "•"


def test_coordinators_see_exact_numbers(client, network):
    client.force_login(make_user("koordination", role=COORDINATORS))
    html = client.get(reverse("needs:overview"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "•" not in re.sub(r"<li>.*?</li>", "", html) and "unterdrückt" not in html
    table = html[html.index('id="tabelle-ortsteile"'):]
    assert ">Kladow<" in table[:table.index("</thead>")]
    assert re.search(r'<th scope="row">Finanzierung und Fördermittel</th>\s*<td class="num">1</td>', html)
