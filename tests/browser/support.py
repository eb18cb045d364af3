"""Helpers of the browser tests (scripts evaluated in the page)."""

# A point on the path, inside its fill and not covered by anything else: where a person would click.
FIND_CLICK_POINT = """(key) => {
  const path = document.querySelector(`path[data-planning-area="${key}"]`);
  const box = path.getBBox();
  const matrix = path.getScreenCTM();
  const svg = path.ownerSVGElement;
  for (let fy = 0.5, step = 0; step < 400; step++) {
    const fx = ((step * 0.618) % 1);
    fy = ((step * 0.382) % 1);
    const point = svg.createSVGPoint();
    point.x = box.x + box.width * (0.1 + 0.8 * fx);
    point.y = box.y + box.height * (0.1 + 0.8 * fy);
    if (!path.isPointInFill(point)) continue;
    const screen = point.matrixTransform(matrix);
    if (document.elementFromPoint(screen.x, screen.y) === path) return { x: screen.x, y: screen.y };
  }
  return null;
}"""


# Pairs of things in a chart that overlap: texts with texts, texts with bars and legend swatches (SVG user
# units, half a unit of slack).
CHART_OVERLAPS = """(svg) => {
  const boxes = (selector) => [...svg.querySelectorAll(selector)].map((el) => [el, el.getBBox()])
    .filter(([, box]) => box.width > 0 && box.height > 0);
  const overlap = (a, b) => a.x + 0.5 < b.x + b.width && b.x + 0.5 < a.x + a.width
    && a.y + 0.5 < b.y + b.height && b.y + 0.5 < a.y + a.height;
  const texts = boxes('text');
  const rects = boxes('rect');
  const found = [];
  texts.forEach(([el, box], i) => {
    texts.slice(i + 1).forEach(([other, otherBox]) => {
      if (overlap(box, otherBox)) found.push(`${el.textContent} / ${other.textContent}`);
    });
    rects.forEach(([, rectBox]) => { if (overlap(box, rectBox)) found.push(`${el.textContent} / bar`); });
  });
  return found;
}"""



def show_all_entries(page):
    """The directory's list shows a page at a time: "more" until every match is listed."""
    more = page.locator("#dir-more")
    while more.is_visible():
        count = page.locator("#directory-list .item-name").count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('#directory-list .item-name').length > {count}")
