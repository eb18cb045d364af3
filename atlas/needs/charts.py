"""Geometry of the overview's charts, drawn by the template as inline SVG with presentation
attributes only (fill=, width=, …): the Content-Security-Policy allows no inline style or script.
Every number is formatted here as a string with a decimal point, so template localisation ("12,5")
never reaches an SVG attribute. Each chart has a data table next to it in the template.

A count may be None: suppressed for planners (atlas.needs.disclosure). It draws no bar, its label is
"•", and a heatmap cell is grey whatever it hides."""

from dataclasses import dataclass, field

from atlas.needs.disclosure import SUPPRESSED

# Needs by priority (dringend, wichtig, wünschenswert) and offers; segments are separated by white
# strokes, so they stay distinguishable without colour; the legend and the table name them.
PRIORITY_COLOURS = ["#6d1a1a", "#b3540b", "#8a7a00"]
OFFER_COLOUR = "#00587a"
HEAT_COLOUR = "#00587a"
SUPPRESSED_COLOUR = "#d5dade"
INK = "#1b1f23"

LABEL_WIDTH = 280
BAR_WIDTH = 340
ROW_HEIGHT = 30
LEGEND_HEIGHT = 34


def _f(value):
    """A number as an SVG attribute value: decimal point, at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


@dataclass
class Bar:
    x: str
    width: str
    fill: str
    value: int
    label: str


@dataclass
class ChartRow:
    label: str
    label_y: str
    need_y: str
    offer_y: str
    segments: list = field(default_factory=list)
    offer: Bar | None = None
    need_total: int = 0
    need_total_x: str = "0"
    offer_total_x: str = "0"
    need_total_y: str = "0"
    offer_total_y: str = "0"


def _label(count):
    return SUPPRESSED if count is None else count


def topic_chart(topic_rows, priority_labels, offer_label):
    """Horizontal bars per topic: needs stacked by priority (shown segments only), offers as a thin bar
    below."""
    largest = max([count for row in topic_rows for count in (row.needs, row.offers, *row.priority_counts)
                   if count is not None] + [1])
    scale = BAR_WIDTH / largest
    rows = []
    for index, row in enumerate(topic_rows):
        top = LEGEND_HEIGHT + index * ROW_HEIGHT
        chart_row = ChartRow(label=row.topic.label, label_y=_f(top + 15), need_y=_f(top + 3), offer_y=_f(top + 18))
        x = LABEL_WIDTH
        for count, colour, label in zip(row.priority_counts, PRIORITY_COLOURS, priority_labels, strict=True):
            if count:  # neither 0 nor suppressed
                chart_row.segments.append(Bar(_f(x), _f(count * scale), colour, count, label))
                x += count * scale
        chart_row.need_total = _label(row.needs)
        chart_row.need_total_x = _f(x + 4)
        chart_row.need_total_y = _f(top + 13)
        offer_width = (row.offers or 0) * scale
        chart_row.offer = Bar(_f(LABEL_WIDTH), _f(offer_width), OFFER_COLOUR, _label(row.offers), offer_label)
        chart_row.offer_total_x = _f(LABEL_WIDTH + offer_width + 4)
        chart_row.offer_total_y = _f(top + 25)
        rows.append(chart_row)
    legend = []
    x = LABEL_WIDTH
    for colour, label in [*zip(PRIORITY_COLOURS, priority_labels, strict=True), (OFFER_COLOUR, offer_label)]:
        legend.append({"x": _f(x), "text_x": _f(x + 16), "fill": colour, "label": label})
        x += 16 + 8 * len(str(label)) + 18
    height = LEGEND_HEIGHT + len(rows) * ROW_HEIGHT + 6
    width = max(LABEL_WIDTH + BAR_WIDTH + 40, x)
    return {"rows": rows, "legend": legend, "width": _f(width), "height": _f(height),
            "label_x": _f(LABEL_WIDTH - 8), "axis_x": _f(LABEL_WIDTH), "axis_y1": _f(LEGEND_HEIGHT - 2),
            "axis_y2": _f(height - 4)}


HEAT_LABEL_WIDTH = 280
CELL_WIDTH = 58
CELL_HEIGHT = 26
HEADER_HEIGHT = 110


def ortsteil_heatmap(overview):
    """Topic × Ortsteil grid: the darker a cell, the more organisations need the topic there; every
    cell also carries its number."""
    matrix = overview.ortsteil_matrix()
    largest = max([count for _row, counts, _total in matrix for count in counts if count is not None] + [1])
    columns = []
    for index, (_pk, name) in enumerate(overview.ortsteile):
        x = HEAT_LABEL_WIDTH + index * CELL_WIDTH + CELL_WIDTH / 2
        y = HEADER_HEIGHT - 8
        columns.append({"label": name, "x": _f(x), "y": _f(y), "transform": f"rotate(-40 {_f(x)} {_f(y)})"})
    rows = []
    for row_index, (row, counts, _total) in enumerate(matrix):
        top = HEADER_HEIGHT + row_index * CELL_HEIGHT
        cells = []
        for column_index, count in enumerate(counts):
            x = HEAT_LABEL_WIDTH + column_index * CELL_WIDTH
            share = (count or 0) / largest
            opacity = 0.15 + 0.85 * share if count else 0
            fill = SUPPRESSED_COLOUR if count is None else HEAT_COLOUR if count else "#f3f5f7"
            cells.append({
                "x": _f(x + 1), "y": _f(top + 1), "width": _f(CELL_WIDTH - 2), "height": _f(CELL_HEIGHT - 2),
                "fill": fill, "opacity": _f(opacity if count else 1),
                "count": _label(count), "text_x": _f(x + CELL_WIDTH / 2), "text_y": _f(top + CELL_HEIGHT / 2 + 4),
                "text_fill": "#fff" if opacity > 0.55 else INK,
                "column": overview.ortsteile[column_index][1],
            })
        rows.append({"label": row.topic.label, "label_y": _f(top + CELL_HEIGHT / 2 + 4), "cells": cells})
    width = HEAT_LABEL_WIDTH + len(columns) * CELL_WIDTH + 90  # room for the last slanted label
    height = HEADER_HEIGHT + len(rows) * CELL_HEIGHT + 6
    return {"columns": columns, "rows": rows, "width": _f(width), "height": _f(height),
            "label_x": _f(HEAT_LABEL_WIDTH - 8)}
