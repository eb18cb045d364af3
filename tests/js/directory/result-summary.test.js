import assert from "node:assert/strict";
import { test } from "node:test";

import { toEntry } from "../../../static/atlas/js/directory/entries.js";
import { hasHours, todayTimes } from "../../../static/atlas/js/directory/opening-hours.js";
import { latLon, routeUrl, summaryParts } from "../../../static/atlas/js/directory/result-summary.js";

const OSM = "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route={from};{to}&to={to_address}";
const config = {
  routeUrl: OSM,
  languages: { tr: { name: "Türkçe", rtl: false }, ar: { name: "العربية", rtl: true } },
  strings: { metres: "{m} m", walking: "{min} Min. zu Fuß" },
};
const MONDAY_1030_BERLIN = new Date("2025-01-06T09:30:00Z");
const MONDAY_1400_BERLIN = new Date("2025-01-06T13:00:00Z");
const TUESDAY_1030_BERLIN = new Date("2025-01-07T09:30:00Z");

function entry(properties, coordinates = [13.16591, 52.52237], kind = "organisation") {
  return toEntry({ geometry: coordinates ? { type: "Point", coordinates } : null, properties: { slug: "x", name: "Elternverein", ...properties } }, kind);
}

const club = entry({
  address: "Obstallee 22, 13593 Berlin",
  location_precision: "address",
  opening_hours: { mo: [["09:00", "13:00"], ["15:00", "18:00"]] },
  languages: ["tr", "ar", "ku"],
  wheelchair_access: "yes",
  distance_m: 420,
  walking_minutes: 6,
});

test("coordinates for the router read lat,lon with five decimals", () => {
  assert.equal(latLon({ lat: 52.5, lon: 13.2 }), "52.50000,13.20000");
  assert.equal(latLon([52.522374, 13.165911]), "52.52237,13.16591");
  assert.equal(latLon(null), "");
});

test("the route runs from the search point to the entry's point, as the server builds it", () => {
  assert.equal(
    routeUrl(OSM, { lat: 52.5, lon: 13.2, label: "Heerstraße 400" }, club),
    "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=52.50000,13.20000;52.52237,13.16591&to=Obstallee%2022,%2013593%20Berlin",
  );
  assert.equal(
    routeUrl(OSM, null, entry({ location_precision: "exact" })),
    "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=;52.52237,13.16591&to=52.52237,13.16591",
    "no search point: the router asks where from",
  );
});

test("an approximate point hands the address to the router, or gives no link", () => {
  const approximate = entry({ address: "Heerstraße 400, 13593 Berlin", location_precision: "planning_area" });
  assert.equal(
    routeUrl(OSM, null, approximate),
    "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=;&to=Heerstra%C3%9Fe%20400,%2013593%20Berlin",
  );
  const individual = entry({ address: null, location_precision: "planning_area" });
  assert.equal(routeUrl(OSM, null, individual), null, "an individual shown by area gets no route");
  assert.equal(routeUrl("https://router.example.org/?to={to}", null, approximate), null, "the router cannot take an address");
  assert.equal(routeUrl(OSM, null, entry({ location_precision: "exact" }, null)), null, "no point, no address");
  assert.equal(routeUrl("", null, club), null, "no router configured");
});

test("the parts of a summary: address, hours in Berlin time, languages by native name, access, distance, route", () => {
  const parts = summaryParts(club, config, { origin: null, now: MONDAY_1030_BERLIN });
  assert.equal(parts.address, "Obstallee 22, 13593 Berlin");
  assert.equal(parts.areaOnly, false);
  assert.deepEqual(parts.hours, { open: true, today: ["09:00–13:00", "15:00–18:00"] });
  assert.deepEqual(parts.languages, [
    { code: "tr", name: "Türkçe", rtl: false },
    { code: "ar", name: "العربية", rtl: true },
    { code: "ku", name: "ku", rtl: false },
  ]);
  assert.equal(parts.wheelchair, "yes");
  assert.equal(parts.distance, "420 m · 6 Min. zu Fuß");
  assert.match(parts.route, /^https:\/\/www\.openstreetmap\.org\/directions\?/);
  assert.equal(summaryParts(club, config, { now: MONDAY_1400_BERLIN }).hours.open, false, "lunch break");
  assert.deepEqual(summaryParts(club, config, { now: TUESDAY_1030_BERLIN }).hours, { open: false, today: [] });
});

test("an individual shown by area says 'area only'; without hours the note stands in", () => {
  const individual = entry({ address: null, location_precision: "planning_area", opening_hours: {}, opening_hours_note: "nach Vereinbarung", wheelchair_access: "unknown" });
  const parts = summaryParts(individual, config, { now: MONDAY_1030_BERLIN });
  assert.equal(parts.address, null);
  assert.equal(parts.areaOnly, true);
  assert.equal(parts.hours, null);
  assert.equal(parts.hoursNote, "nach Vereinbarung");
  assert.equal(parts.wheelchair, null);
  assert.equal(parts.distance, null);
  assert.equal(parts.route, null);
  assert.deepEqual(parts.languages, []);
});

test("a meeting place without languages or address but with an exact point", () => {
  const place = entry({ location_precision: "exact", wheelchair_access: "limited" }, [13.2, 52.5], "place");
  const parts = summaryParts(place, config, { origin: { lat: 52.52, lon: 13.16 }, now: MONDAY_1030_BERLIN });
  assert.equal(parts.areaOnly, false);
  assert.equal(parts.wheelchair, "limited");
  assert.equal(parts.route, "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=52.52000,13.16000;52.50000,13.20000&to=52.50000,13.20000");
});

test("today's opening times and whether there are any", () => {
  assert.deepEqual(todayTimes({ mo: [["09:00", "13:00"], ["bad"], ["14:00", "14:00"]] }, MONDAY_1030_BERLIN), ["09:00–13:00"]);
  assert.equal(hasHours({ mo: [] }), false);
  assert.equal(hasHours({ su: [["22:00", "02:00"]] }), true);
  assert.equal(hasHours(null), false);
});
