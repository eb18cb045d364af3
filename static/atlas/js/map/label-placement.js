// Where map labels fit: a pure choice on boxes measured on the screen (no page needed), used by
// map/ortsteil-labels.js after every zoom. A box is {left, top, right, bottom} in pixels.

export function boxesOverlap(a, b, gap = 0) {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

function isEmpty(box) {
  return !box || !(box.right > box.left) || !(box.bottom > box.top);
}

// labels: [{id, boxes, priority}], where boxes are the places the label may take, the preferred
// first; obstacles: [box] (marker clusters). Labels are placed greedily, the highest priority first
// (ties keep their order), each in its first place that keeps `gap` pixels from every obstacle and
// from every label already placed. Returns a Map id → index of the chosen box; a label without a
// place is not in it.
export function placeLabels(labels, obstacles = [], { gap = 2 } = {}) {
  const order = [...labels].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  const solid = obstacles.filter((obstacle) => !isEmpty(obstacle));
  const placed = [];
  const chosen = new Map();
  for (const label of order) {
    const index = (label.boxes || []).findIndex(
      (box) =>
        !isEmpty(box) &&
        !solid.some((obstacle) => boxesOverlap(box, obstacle, gap)) &&
        !placed.some((other) => boxesOverlap(box, other, gap)),
    );
    if (index < 0) continue;
    placed.push(label.boxes[index]);
    chosen.set(label.id, index);
  }
  return chosen;
}
