import assert from "node:assert/strict";
import { test } from "node:test";

import { berlinClock, isOpen } from "../../../static/atlas/js/directory/opening-hours.js";

// Instants are given in UTC: Berlin is UTC+1 in winter (CET) and UTC+2 in summer (CEST).
const at = (iso) => new Date(iso);

test("the clock is Berlin's, whatever the visitor's time zone", () => {
  assert.deepEqual(berlinClock(at("2025-01-06T08:30:00Z")), { weekday: 0, minute: 9 * 60 + 30 }, "Monday 09:30 CET");
  assert.deepEqual(berlinClock(at("2025-07-06T22:15:00Z")), { weekday: 0, minute: 15 }, "Monday 00:15 CEST, still Sunday in UTC");
  assert.deepEqual(berlinClock(at("2025-07-13T21:59:00Z")), { weekday: 6, minute: 23 * 60 + 59 }, "Sunday 23:59 CEST");
});

test("open from the start up to (not including) the end", () => {
  const hours = { mo: [["09:00", "17:00"]] };
  assert.equal(isOpen(hours, at("2025-01-06T07:59:00Z")), false, "Monday 08:59");
  assert.equal(isOpen(hours, at("2025-01-06T08:00:00Z")), true, "Monday 09:00");
  assert.equal(isOpen(hours, at("2025-01-06T15:59:00Z")), true, "Monday 16:59");
  assert.equal(isOpen(hours, at("2025-01-06T16:00:00Z")), false, "Monday 17:00");
  assert.equal(isOpen(hours, at("2025-07-07T07:30:00Z")), true, "Monday 09:30 in summer time");
  assert.equal(isOpen(hours, at("2025-01-07T10:00:00Z")), false, "Tuesday: a missing day is closed");
});

test("several intervals a day", () => {
  const hours = { we: [["09:00", "12:00"], ["14:00", "18:00"]] };
  assert.equal(isOpen(hours, at("2025-01-08T10:00:00Z")), true, "Wednesday 11:00");
  assert.equal(isOpen(hours, at("2025-01-08T12:00:00Z")), false, "Wednesday 13:00, lunch");
  assert.equal(isOpen(hours, at("2025-01-08T14:00:00Z")), true, "Wednesday 15:00");
});

test("an end before the start runs past midnight into the next day", () => {
  const hours = { fr: [["22:00", "02:00"]] };
  assert.equal(isOpen(hours, at("2025-01-10T20:59:00Z")), false, "Friday 21:59");
  assert.equal(isOpen(hours, at("2025-01-10T22:30:00Z")), true, "Friday 23:30");
  assert.equal(isOpen(hours, at("2025-01-10T23:30:00Z")), true, "Saturday 00:30, Friday's evening");
  assert.equal(isOpen(hours, at("2025-01-11T00:59:00Z")), true, "Saturday 01:59");
  assert.equal(isOpen(hours, at("2025-01-11T01:00:00Z")), false, "Saturday 02:00");
  assert.equal(isOpen(hours, at("2025-01-11T21:30:00Z")), false, "Saturday 22:30: Saturday has no hours");
});

test("Sunday night runs into Monday morning across the week's end", () => {
  const hours = { su: [["20:00", "01:00"]] };
  assert.equal(isOpen(hours, at("2025-01-12T22:00:00Z")), true, "Sunday 23:00");
  assert.equal(isOpen(hours, at("2025-01-12T23:30:00Z")), true, "Monday 00:30");
  assert.equal(isOpen(hours, at("2025-01-13T00:00:00Z")), false, "Monday 01:00");
});

test("until 24:00 means until midnight", () => {
  const hours = { th: [["18:00", "24:00"]] };
  assert.equal(isOpen(hours, at("2025-01-09T22:59:00Z")), true, "Thursday 23:59");
  assert.equal(isOpen(hours, at("2025-01-09T23:00:00Z")), false, "Friday 00:00");
});

test("malformed intervals are ignored, not guessed", () => {
  const monday10 = at("2025-01-06T09:00:00Z");
  assert.equal(isOpen({ mo: [["9", "17"]] }, monday10), false, "times need minutes");
  assert.equal(isOpen({ mo: [["09:00", "09:00"]] }, monday10), false, "empty interval");
  assert.equal(isOpen({ mo: [["09:00"]] }, monday10), false, "half an interval");
  assert.equal(isOpen({ mo: [["25:00", "26:00"]] }, monday10), false, "beyond the day");
  assert.equal(isOpen({ mo: [["bad"], ["09:00", "17:00"]] }, monday10), true, "the good interval still counts");
  assert.equal(isOpen(null, monday10), false);
  assert.equal(isOpen({}, monday10), false);
});
