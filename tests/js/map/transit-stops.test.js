import assert from "node:assert/strict";
import { test } from "node:test";

import { distanceText, minZoomOf, modeText, stopsInView, symbolSigns, toStop } from "../../../static/atlas/js/map/transit-stops.js";

const MIN_ZOOM = { rapidTransit: 13, other: 15 };
const feature = (id, name, modes, rapid, lon, lat) => ({
  type: "Feature",
  id,
  geometry: { type: "Point", coordinates: [lon, lat] },
  properties: { id, name, modes, rapid_transit: rapid },
});
const RATHAUS = toStop(feature(1, "S+U Rathaus Spandau (Berlin)", ["sbahn", "ubahn"], true, 13.2008, 52.5356));
const MARKT = toStop(feature(2, "Breite Str./Markt (Berlin)", ["bus"], false, 13.2043, 52.5367));
const KLADOW = toStop(feature(3, "Alt-Kladow (Berlin)", ["bus"], false, 13.1446, 52.4547));
const AROUND_RATHAUS = { west: 13.19, south: 52.53, east: 13.21, north: 52.54 };

test("a stop of the layer keeps id, name, modes, whether it is S/U and its point", () => {
  assert.deepEqual(RATHAUS, { id: 1, name: "S+U Rathaus Spandau (Berlin)", modes: ["sbahn", "ubahn"], rapid: true, lon: 13.2008, lat: 52.5356 });
});

test("S- and U-Bahn stations show from zoom 13, every other stop from street zoom 15", () => {
  assert.equal(minZoomOf(RATHAUS, MIN_ZOOM), 13);
  assert.equal(minZoomOf(MARKT, MIN_ZOOM), 15);
  const stops = [RATHAUS, MARKT, KLADOW];
  assert.deepEqual(stopsInView(stops, AROUND_RATHAUS, 12, MIN_ZOOM), []);
  assert.deepEqual(stopsInView(stops, AROUND_RATHAUS, 13, MIN_ZOOM), [RATHAUS]);
  assert.deepEqual(stopsInView(stops, AROUND_RATHAUS, 15, MIN_ZOOM), [RATHAUS, MARKT]);
  assert.deepEqual(stopsInView(stops, AROUND_RATHAUS, 18, MIN_ZOOM), [RATHAUS, MARKT]);
});

test("only the stops inside the view are drawn", () => {
  const kladow = { west: 13.13, south: 52.45, east: 13.15, north: 52.46 };
  assert.deepEqual(stopsInView([RATHAUS, MARKT, KLADOW], kladow, 16, MIN_ZOOM), [KLADOW]);
});

test("the symbol shows the signs people know from the street", () => {
  assert.deepEqual(symbolSigns(["sbahn", "ubahn"]), [{ mode: "sbahn", letter: "S" }, { mode: "ubahn", letter: "U" }]);
  assert.deepEqual(symbolSigns(["sbahn", "regional"]), [{ mode: "sbahn", letter: "S" }]);
  assert.deepEqual(symbolSigns(["ubahn"]), [{ mode: "ubahn", letter: "U" }]);
  assert.deepEqual(symbolSigns(["regional"]), [{ mode: "regional", letter: "R" }]);
  assert.deepEqual(symbolSigns(["bus"]), [{ mode: "bus", letter: "H" }]);
  assert.deepEqual(symbolSigns([]), [{ mode: "bus", letter: "H" }]);
});

test("modes and distances read in the page's language from the server's texts", () => {
  const labels = { sbahn: "S-Bahn", ubahn: "U-Bahn", bus: "Bus" };
  assert.equal(modeText(["sbahn", "ubahn"], labels), "S-Bahn, U-Bahn");
  assert.equal(modeText(["ferry"], labels), "");
  assert.equal(modeText(undefined, labels), "");
  assert.equal(distanceText(350, "%(metres)s m Luftlinie"), "350 m Luftlinie");
  assert.equal(distanceText(1250, "%(metres)s m Luftlinie"), "1.250 m Luftlinie");
});
