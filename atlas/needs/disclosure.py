"""Disclosure control for the planners' view of the needs analysis: no published number may point
at one organisation.

A count of 1 or 2 organisations in a small area names them ("Kladow; Finanzierung: 1" when Kladow
has one organisation). Planners therefore see the overview with

* Ortsteile that hold fewer than ``settings.ATLAS_MIN_CELL_SIZE`` (k) counted organisations merged
  into one column ("übrige Ortsteile"), so that no column stands for one or two organisations;
* *primary suppression*: every count from 1 to k − 1 is replaced by ``None`` (shown as "•"), totals
  included;
* *complementary suppression*: each row or column of a table whose total is shown hides either no
  cell or at least two cells that together hold at least k, so no hidden cell follows from the total
  minus the shown cells (each hidden count is at least 1, so two hidden cells summing to at least k
  leave every one of them open). A hidden total needs a hidden cell in its line, else it would be
  the sum of the shown cells. Tables that share their row totals (topic totals) are protected
  together.

Zeros stay visible. Coordinators see the exact figures (they read the answers anyway); see
atlas.needs.views.shows_exact_figures.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from atlas.needs.queries import PRIORITIES

SUPPRESSED = "•"


def min_cell_size():
    return settings.ATLAS_MIN_CELL_SIZE


def suppress(values, lines, k, hidden=()):
    """The cells to hide. values: {cell: count}; lines: [(inner cells, total cell)] with
    sum(inner) == total; hidden: cells to hide anyway. Primary, then complementary suppression
    (module docstring) until every line is safe; the complement is the smallest non-zero shown cell."""
    suppressed = {cell for cell, value in values.items() if 0 < value < k} | set(hidden)
    changed = True
    while changed:
        changed = False
        for inner, total in lines:
            hidden_inner = [cell for cell in inner if cell in suppressed]
            if total in suppressed:
                safe = bool(hidden_inner) or not any(values[cell] for cell in inner)
            else:
                safe = not hidden_inner or (len(hidden_inner) >= 2 and sum(values[cell] for cell in hidden_inner) >= k)
            if safe:
                continue
            candidates = [cell for cell in inner if cell not in suppressed and values[cell]]
            if candidates:
                suppressed.add(min(candidates, key=lambda cell: values[cell]))
            elif total not in suppressed:
                suppressed.add(total)
            else:
                continue
            changed = True
    return suppressed


@dataclass
class ProtectedTable:
    """A table of counts with its row totals, column totals and total; None where suppressed."""

    cells: list
    row_totals: list
    column_totals: list
    total: int | None

    @property
    def hidden_row_totals(self):
        return {index for index, value in enumerate(self.row_totals) if value is None}

    @property
    def suppressed(self):
        return (self.total is None or None in self.row_totals or None in self.column_totals
                or any(None in row for row in self.cells))


def protect(matrix, k, columns, hidden_row_totals=(), hide_total=False):
    """matrix: rows of `columns` counts. Row i's total is cell (i, columns), column j's total (rows, j),
    the total (rows, columns)."""
    rows = len(matrix)
    values = {(i, j): matrix[i][j] for i in range(rows) for j in range(columns)}
    values.update({(i, columns): sum(matrix[i]) for i in range(rows)})
    values.update({(rows, j): sum(matrix[i][j] for i in range(rows)) for j in range(columns)})
    values[(rows, columns)] = sum(values[(i, columns)] for i in range(rows))
    lines = [([(i, j) for j in range(columns)], (i, columns)) for i in range(rows + 1)]
    lines += [([(i, j) for i in range(rows)], (rows, j)) for j in range(columns + 1)]
    hidden = {(i, columns) for i in hidden_row_totals} | ({(rows, columns)} if hide_total else set())
    suppressed = suppress(values, lines, k, hidden)

    def shown(cell):
        return None if cell in suppressed else values[cell]

    return ProtectedTable(cells=[[shown((i, j)) for j in range(columns)] for i in range(rows)],
                          row_totals=[shown((i, columns)) for i in range(rows)],
                          column_totals=[shown((rows, j)) for j in range(columns)],
                          total=shown((rows, columns)))


def protect_together(matrices, k):
    """[(matrix, columns)] of tables with the same rows and therefore the same row totals and total:
    each protected, with a total hidden in one hidden in all."""
    hidden_rows, hide_total = set(), False
    while True:
        tables = [protect(matrix, k, columns, hidden_rows, hide_total) for matrix, columns in matrices]
        rows = set().union(*(table.hidden_row_totals for table in tables))
        total = any(table.total is None for table in tables)
        if rows == hidden_rows and total == hide_total:
            return tables
        hidden_rows, hide_total = rows, total


def protect_counts(counts, k, hidden=()):
    """A list of counts and their sum (one line): [count or None], total or None."""
    values = {index: count for index, count in enumerate(counts)}
    values["total"] = sum(counts)
    suppressed = suppress(values, [(list(range(len(counts))), "total")], k, hidden)
    return ([None if index in suppressed else count for index, count in enumerate(counts)],
            None if "total" in suppressed else values["total"])


def merged_columns(columns, populations, k):
    """Ortsteil columns [(id, name)] → [(ids, name)]: those with 1 to k − 1 counted organisations
    (`populations`) go into one column, which takes the smallest further Ortsteile until it holds k.
    Also the names of the merged Ortsteile."""
    small = [column for column in columns if 0 < populations.get(column[0], 0) < k]
    if not small:
        return [((pk,), name) for pk, name in columns], []
    rest = [column for column in columns if column not in small]
    while sum(populations.get(pk, 0) for pk, _name in small) < k and any(populations.get(pk) for pk, _ in rest):
        smallest = min((column for column in rest if populations.get(column[0])),
                       key=lambda column: populations[column[0]])
        rest.remove(smallest)
        small.append(smallest)
    small.sort(key=columns.index)
    return ([((pk,), name) for pk, name in rest] + [(tuple(pk for pk, _name in small), _("übrige Ortsteile"))],
            [str(name) for _pk, name in small])


@dataclass
class TopicFigures:
    """One topic's counts as planners see them (None: suppressed); the same names as queries.TopicRow."""

    topic: object
    priority_counts: list
    needs: int | None
    offers: int | None
    open_needs: int | None


@dataclass
class PlannerOverview:
    """The overview (queries.Overview) with small counts suppressed and small Ortsteile merged."""

    assessments: int | None
    topics: list  # [TopicFigures]
    ortsteile: list  # [(ids, name)]
    merged_ortsteile: list  # names of the Ortsteile in the merged column
    needs_by_ortsteil: ProtectedTable
    offers_by_ortsteil: ProtectedTable
    total_needs: int | None
    total_offers: int | None
    open_total: int | None
    min_cell_size: int
    suppressed: bool

    def ortsteil_matrix(self):
        """Rows for the template and the heatmap: (TopicFigures, [needs per column], total)."""
        return [(row, counts, total) for row, counts, total in zip(
            self.topics, self.needs_by_ortsteil.cells, self.needs_by_ortsteil.row_totals, strict=True)]

    def ortsteil_totals(self):
        return self.needs_by_ortsteil.column_totals


def _column_counts(overview, counts, columns):
    return [[sum(counts.get((row.topic.pk, pk), 0) for pk in ids) for ids, _name in columns]
            for row in overview.topics]


def planner_overview(overview, k=None):
    """The planners' figures from queries.needs_overview()."""
    k = k or min_cell_size()
    columns, merged = merged_columns(overview.ortsteile, overview.assessments_by_ortsteil, k)
    by_priority, by_ortsteil = protect_together([
        ([row.priority_counts for row in overview.topics], len(PRIORITIES)),
        (_column_counts(overview, overview.by_ortsteil, columns), len(columns)),
    ], k)
    offers = protect(_column_counts(overview, overview.offers_by_ortsteil, columns), k, len(columns))
    # A need that is not open has a match; hide the open count when the matched ones are few, too.
    few_matched = [index for index, row in enumerate(overview.topics) if 0 < row.needs - row.open_needs < k]
    open_needs, open_total = protect_counts([row.open_needs for row in overview.topics], k, few_matched)
    topics = [TopicFigures(row.topic, priorities, needs, offered, open_count) for row, priorities, needs, offered,
              open_count in zip(overview.topics, by_priority.cells, by_priority.row_totals, offers.row_totals,
                                open_needs, strict=True)]
    assessments = overview.assessments if not 0 < overview.assessments < k else None
    suppressed = (by_priority.suppressed or by_ortsteil.suppressed or offers.suppressed or None in open_needs
                  or open_total is None or assessments is None)
    return PlannerOverview(assessments=assessments, topics=topics, ortsteile=columns, merged_ortsteile=merged,
                           needs_by_ortsteil=by_ortsteil, offers_by_ortsteil=offers, total_needs=by_ortsteil.total,
                           total_offers=offers.total, open_total=open_total, min_cell_size=k, suppressed=suppressed)
