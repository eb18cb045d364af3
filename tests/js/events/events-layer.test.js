import assert from "node:assert/strict";
import { test } from "node:test";

import { formatWhen, toEvent } from "../../../static/atlas/js/events/events-layer.js";

test("an API feature becomes an event with dates and Leaflet's lat/lng order", () => {
  const event = toEvent({
    geometry: { type: "Point", coordinates: [13.2, 52.53] },
    properties: { id: 7, slug: "sommerfest", title: "Sommerfest", start: "2025-07-05T12:00:00Z", end: "not a date", is_sample: 1 },
  });
  assert.equal(event.key, "event:7");
  assert.deepEqual(event.latlng, [52.53, 13.2]);
  assert.equal(event.start.toISOString(), "2025-07-05T12:00:00.000Z");
  assert.equal(event.end, null, "an unreadable date is no date");
  assert.equal(event.isSample, true);
  assert.equal(event.place, "");
});

test("an event without a location has no marker position", () => {
  assert.equal(toEvent({ properties: { id: 1 } }).latlng, null);
});

test("the time is Berlin's, a range when the event ends later", () => {
  // 16:00 UTC is 18:00 in Berlin in May (CEST).
  const text = formatWhen(new Date("2025-05-14T16:00:00Z"), new Date("2025-05-14T18:00:00Z"));
  assert.match(text, /14\. Mai 2025/);
  assert.match(text, /18:00/);
  assert.match(text, /20:00/);
  assert.match(text, /^Mi\./, "the weekday first");
});

test("without a later end only the start is shown", () => {
  const start = new Date("2025-12-24T17:30:00Z"); // 18:30 CET
  const single = formatWhen(start, null);
  assert.match(single, /24\. Dezember 2025/);
  assert.match(single, /18:30/);
  assert.equal(formatWhen(start, new Date("2025-12-24T16:00:00Z")), single, "an end before the start is ignored");
  assert.equal(formatWhen(null, null), "");
});
