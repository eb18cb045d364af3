import assert from "node:assert/strict";
import { test } from "node:test";

import { formatCoordinate, movePoint, parseCoordinate, readPoint } from "../../../static/atlas/js/directory/pin-moves.js";

const SPANDAU = { lat: 52.5357, lon: 13.2005 };

// Distance in metres between two points (equirectangular, fine over a few metres).
function metres(a, b) {
  const x = ((b.lon - a.lon) * Math.PI) / 180 * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const y = ((b.lat - a.lat) * Math.PI) / 180;
  return 6_371_000 * Math.hypot(x, y);
}

test("each arrow key moves the pin the given distance in its direction", () => {
  const north = movePoint(SPANDAU, "ArrowUp", 5);
  const south = movePoint(SPANDAU, "ArrowDown", 5);
  const east = movePoint(SPANDAU, "ArrowRight", 50);
  const west = movePoint(SPANDAU, "ArrowLeft", 50);
  assert.ok(north.lat > SPANDAU.lat && north.lon === SPANDAU.lon);
  assert.ok(south.lat < SPANDAU.lat && south.lon === SPANDAU.lon);
  assert.ok(east.lon > SPANDAU.lon && east.lat === SPANDAU.lat);
  assert.ok(west.lon < SPANDAU.lon && west.lat === SPANDAU.lat);
  for (const [point, distance] of [[north, 5], [south, 5], [east, 50], [west, 50]]) {
    assert.ok(Math.abs(metres(SPANDAU, point) - distance) < 0.2, `${metres(SPANDAU, point)} m`);
  }
});

test("other keys do not move the pin", () => {
  assert.equal(movePoint(SPANDAU, "Enter", 5), null);
  assert.equal(movePoint(SPANDAU, "a", 5), null);
});

test("coordinates are read with a decimal comma or point, and nothing else", () => {
  assert.equal(parseCoordinate("52,5361"), 52.5361);
  assert.equal(parseCoordinate(" 13.2001 "), 13.2001);
  assert.equal(parseCoordinate("-0.5"), -0.5);
  for (const bad of ["", "abc", "52,53,61", "1e5", "52.5361 N", null]) assert.equal(parseCoordinate(bad), null, bad);
  assert.deepEqual(readPoint("52,5361", "13,2001"), { lat: 52.5361, lon: 13.2001 });
  assert.equal(readPoint("52,5361", ""), null);
  assert.equal(readPoint("95", "13"), null);
});

test("coordinates are written with six decimals", () => {
  assert.equal(formatCoordinate(52.53612345), "52.536123");
  assert.equal(formatCoordinate(13.2), "13.200000");
});
