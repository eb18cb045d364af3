"""Server-side SVG for profiles and reports: bar charts and a static map, no tiles, no script.

Only presentation attributes (fill, stroke, font-size …) are used, never ``style=""``: the
Content-Security-Policy forbids inline styles, and WeasyPrint renders the same markup into the PDF.
Each <svg> is ``direction="ltr"``: its coordinates are laid out left to right, and on an Arabic page
(``dir="rtl"``, inherited) ``text-anchor`` would otherwise flip and push labels and values over the bars.
Every text that reaches the markup passes through ``escape``. Each chart is paired with a data
table in the template (the SVG itself is ``aria-hidden``-free but labelled; the table is the
accessible form of the same numbers).
"""

import unicodedata

import shapely
from django.utils.html import escape
from django.utils.safestring import mark_safe

FONT = "DejaVu Sans, Noto Sans, sans-serif"
INK = "#1b1f23"
MUTED = "#4a5560"
SERIES_COLOURS = ("#00587a", "#9aa5b1")
MAX_LABEL = 32


def _isolated(text):
    """Right-to-left text (an Arabic label) between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: inside
    the left-to-right chart it reads in its own direction ("Spandau بلدية", not "بلدية Spandau")."""
    text = str(text)
    if any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return f"\u2068{text}\u2069"
    return text


def _number(value, digits=1):
    return f"{value:.{digits}f}".replace(".", ",")


def bar_chart(chart_id, title, rows, series, unit="%", digits=1, maximum=None, width=640):
    """Horizontal grouped bars.

    ``rows`` = [(label, [value per series])], ``series`` = [name per series]; None values are left
    out (written as "–"). Returns safe SVG markup with <title> and <desc> for assistive technology.
    """
    label_width, value_width, bar_height, gap = 230, 64, 14, 10
    group_height = bar_height * len(series) + gap
    legend_height = 26
    height = legend_height + group_height * len(rows) + 4
    values = [value for _label, numbers in rows for value in numbers if value is not None]
    top = maximum or (max(values) if values else 1) or 1
    plot = width - label_width - value_width
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" aria-labelledby="{escape(chart_id)}-title '
        f'{escape(chart_id)}-desc" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" font-family="{FONT}" direction="ltr">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(_describe(rows, series, unit, digits))}</desc>',
    ]
    x = label_width
    for index, name in enumerate(series):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="16" font-size="12" fill="{INK}">{escape(_isolated(name))}</text>')
        x += 22 + 7 * len(str(name))
    y = legend_height
    for label, numbers in rows:
        # Long labels are shortened in the chart only; the data table beside it has them in full.
        short = label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1].rstrip() + "…"
        parts.append(f'<text x="{label_width - 8}" y="{y + group_height / 2:.1f}" font-size="12" fill="{INK}" '
                     f'text-anchor="end" dominant-baseline="middle">{escape(_isolated(short))}</text>')
        for index, value in enumerate(numbers):
            bar_y = y + index * bar_height
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            length = 0 if value is None else max(0.0, min(1.0, value / top)) * plot
            parts.append(f'<rect x="{label_width}" y="{bar_y}" width="{length:.1f}" height="{bar_height - 2}" '
                         f'fill="{colour}"/>')
            text = "–" if value is None else f"{_number(value, digits)}{' ' + unit if unit else ''}"
            parts.append(f'<text x="{label_width + length + 4:.1f}" y="{bar_y + bar_height / 2:.1f}" '
                         f'font-size="11" fill="{MUTED}" dominant-baseline="middle">{escape(text)}</text>')
        y += group_height
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _describe(rows, series, unit, digits):
    items = []
    for label, numbers in rows:
        shown = ", ".join(f"{name} {'–' if value is None else _number(value, digits)}{' ' + unit if unit else ''}"
                          for name, value in zip(series, numbers, strict=True))
        items.append(f"{label}: {shown}")
    return "; ".join(items)


# -- static map ---------------------------------------------------------------------------------

def _ring(coordinates, transform):
    points = [transform(x, y) for x, y in coordinates]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z"


def path_data(geometry, transform):
    """SVG path data of a shapely (Multi)Polygon; holes as sub-paths (fill-rule evenodd)."""
    polygons = getattr(geometry, "geoms", [geometry])
    parts = []
    for polygon in polygons:
        if polygon.is_empty:
            continue
        parts.append(_ring(polygon.exterior.coords, transform))
        parts.extend(_ring(interior.coords, transform) for interior in polygon.interiors)
    return "".join(parts)


def static_map(map_id, title, shapes, focus, points=(), width=640, height=480, description=""):
    """A map of metric (EPSG:25833) shapely shapes projected to SVG by a plain scale and y-flip.

    ``shapes``: [{geometry, fill, stroke, stroke_width, label, dashed}] drawn in order;
    ``focus``: the geometry the view is fitted to; ``points``: [{xy, fill, shape}] (circle or square).
    """
    minx, miny, maxx, maxy = focus.bounds
    pad = 0.04 * max(maxx - minx, maxy - miny)
    minx, miny, maxx, maxy = minx - pad, miny - pad, maxx + pad, maxy + pad
    scale = min(width / (maxx - minx), height / (maxy - miny))
    offset_x = (width - (maxx - minx) * scale) / 2
    offset_y = (height - (maxy - miny) * scale) / 2

    def transform(x, y):
        return offset_x + (x - minx) * scale, offset_y + (maxy - y) * scale

    view = shapely.box(minx, miny, maxx, maxy)
    parts = [
        f'<svg class="static-map" id="{escape(map_id)}" role="img" aria-labelledby="{escape(map_id)}-title '
        f'{escape(map_id)}-desc" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg" font-family="{FONT}" direction="ltr">',
        f'<title id="{escape(map_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(map_id)}-desc">{escape(description)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eef2f4"/>',
    ]
    labels = []
    for shape in shapes:
        geometry = shape["geometry"].simplify(max(1.0, 0.5 / scale), preserve_topology=True)
        if not geometry.intersects(view):
            continue
        dash = ' stroke-dasharray="6 4"' if shape.get("dashed") else ""
        parts.append(
            f'<path d="{path_data(geometry, transform)}" fill="{escape(shape.get("fill", "none"))}" '
            f'fill-opacity="{shape.get("fill_opacity", 1)}" fill-rule="evenodd" '
            f'stroke="{escape(shape.get("stroke", "#37474f"))}" stroke-width="{shape.get("stroke_width", 1)}"'
            f'{dash} stroke-linejoin="round"/>'
        )
        if shape.get("label"):
            anchor = shape["geometry"].point_on_surface()
            labels.append((transform(anchor.x, anchor.y), shape["label"]))
    for point in points:
        x, y = transform(*point["xy"])
        if not (0 <= x <= width and 0 <= y <= height):
            continue
        fill = escape(point.get("fill", "#00587a"))
        if point.get("shape") == "square":
            parts.append(f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{fill}" '
                         f'stroke="#fff" stroke-width="1"/>')
        else:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{fill}" stroke="#fff" stroke-width="1"/>')
    for (x, y), text in labels:
        parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="13" font-weight="bold" fill="{INK}" '
                     f'text-anchor="middle" dominant-baseline="middle" stroke="#fff" stroke-width="3" '
                     f'paint-order="stroke">{escape(text)}</text>')
    # Scale bar: 1 km (or 500 m for small views).
    metres = 1000 if (maxx - minx) > 2500 else 500
    bar = metres * scale
    parts.append(f'<rect x="12" y="{height - 22}" width="{bar:.1f}" height="5" fill="{INK}"/>')
    parts.append(f'<text x="12" y="{height - 28}" font-size="11" fill="{INK}">'
                 f'{"1 km" if metres == 1000 else "500 m"}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
