import assert from "node:assert/strict";
import { test } from "node:test";

import { boxesOverlap, placeLabels } from "../../../static/atlas/js/map/label-placement.js";

const box = (left, top, width, height) => ({ left, top, right: left + width, bottom: top + height });
const shown = (chosen) => [...chosen.keys()].sort();

test("boxes overlap when they share area, not when they only touch or keep the gap", () => {
  assert.equal(boxesOverlap(box(0, 0, 10, 10), box(5, 5, 10, 10)), true);
  assert.equal(boxesOverlap(box(0, 0, 10, 10), box(10, 0, 10, 10)), false, "touching edges");
  assert.equal(boxesOverlap(box(0, 0, 10, 10), box(11, 0, 10, 10), 2), true, "closer than the gap");
  assert.equal(boxesOverlap(box(0, 0, 10, 10), box(0, 13, 10, 10), 2), false);
});

test("labels apart from each other and from clusters all show in their first place", () => {
  const labels = [
    { id: "Kladow", boxes: [box(100, 500, 60, 18)], priority: 1 },
    { id: "Gatow", boxes: [box(120, 420, 50, 18)], priority: 1 },
  ];
  const chosen = placeLabels(labels, [box(300, 300, 34, 34)]);
  assert.deepEqual(shown(chosen), ["Gatow", "Kladow"]);
  assert.equal(chosen.get("Kladow"), 0);
});

test("of two colliding labels with one place each, the higher priority shows", () => {
  const labels = [
    { id: "Haselhorst", boxes: [box(200, 100, 80, 18)], priority: 3 },
    { id: "Siemensstadt", boxes: [box(240, 105, 90, 18)], priority: 5 },
  ];
  assert.deepEqual(shown(placeLabels(labels)), ["Siemensstadt"]);
});

test("a label moves to its next place when the first collides", () => {
  const labels = [
    { id: "Spandau", boxes: [box(400, 300, 70, 18)], priority: 9 },
    { id: "Wilhelmstadt", boxes: [box(420, 305, 90, 18), box(420, 285, 90, 18), box(420, 330, 90, 18)], priority: 4 },
  ];
  const chosen = placeLabels(labels);
  assert.equal(chosen.get("Spandau"), 0);
  assert.equal(chosen.get("Wilhelmstadt"), 2, "above still overlaps Spandau, below is free");
});

test("equal priorities keep the given order; a hidden label does not block a third one", () => {
  const labels = [
    { id: "a", boxes: [box(0, 0, 50, 18)] },
    { id: "b", boxes: [box(40, 0, 50, 18)] }, // collides with a
    { id: "c", boxes: [box(85, 0, 50, 18)] }, // would collide only with b, which is hidden
  ];
  assert.deepEqual(shown(placeLabels(labels, [], { gap: 0 })), ["a", "c"]);
});

test("a label whose every place lies on a cluster hides, whatever its priority", () => {
  const labels = [{ id: "Spandau", boxes: [box(400, 300, 70, 18), box(400, 320, 70, 18)], priority: 100 }];
  assert.equal(placeLabels(labels, [box(420, 290, 34, 60)]).size, 0);
});

test("places without a measurable box never show; empty obstacles are ignored", () => {
  const labels = [
    { id: "unmeasured", boxes: [null] },
    { id: "nowhere", boxes: [] },
    { id: "collapsed", boxes: [box(0, 0, 0, 0)] },
    { id: "drawn", boxes: [box(10, 10, 40, 18)] },
  ];
  assert.deepEqual(shown(placeLabels(labels, [box(10, 10, 0, 0), null])), ["drawn"]);
});
