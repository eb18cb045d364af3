import assert from "node:assert/strict";
import { test } from "node:test";

import { categoryColour, detailUrl, distanceText, kindLabel, markerKey, toEntry, toMapPoint } from "../../../static/atlas/js/directory/entries.js";

const config = {
  detailUrls: { organisation: "/organisationen/__slug__/", meetingPlace: "/treffpunkte/__slug__/" },
  categories: {
    bildung: { name: "Bildung", colour: "#1b9e77" },
    kultur: { name: "Kultur", colour: "#d95f02" },
  },
  placeTypes: { library: "Bibliothek" },
  strings: { organisation: "Organisation", meetingPlace: "Treffpunkt", metres: "{m} m", walking: "{min} Min. zu Fuß" },
};

const organisation = toEntry(
  {
    geometry: { type: "Point", coordinates: [13.2003, 52.5351] },
    properties: { slug: "café-müller", name: "Café Müller", primary_category: "kultur", categories: ["kultur", "bildung", "unbekannt"], distance_m: 1234.4 },
  },
  "organisation",
);
const place = toEntry({ geometry: null, properties: { slug: "stadtbibliothek", name: "Stadtbibliothek", place_type: "library" } }, "place");

test("a GeoJSON feature becomes an entry with a kind-qualified key and Leaflet's lat/lng order", () => {
  assert.equal(organisation.key, "organisation:café-müller");
  assert.deepEqual(organisation.latlng, [52.5351, 13.2003]);
  assert.equal(organisation.distance, 1234.4);
  assert.equal(place.key, "place:stadtbibliothek");
  assert.equal(place.latlng, null, "no public location");
  assert.equal(place.distance, null);
});

test("the detail page's address encodes the slug", () => {
  assert.equal(detailUrl(organisation, config), "/organisationen/caf%C3%A9-m%C3%BCller/");
  assert.equal(detailUrl(place, config), "/treffpunkte/stadtbibliothek/");
});

test("organisations take their main field's colour, meeting places are dark", () => {
  assert.equal(categoryColour(organisation, config), "#d95f02");
  assert.equal(categoryColour({ ...organisation, props: { primary_category: "unbekannt" } }, config), "#00587a");
  assert.equal(categoryColour(place, config), "#37474f");
});

test("the kind names the known fields or the place type", () => {
  assert.equal(kindLabel(organisation, config), "Kultur, Bildung");
  assert.equal(kindLabel({ ...organisation, props: { categories: [] } }, config), "Organisation");
  assert.equal(kindLabel(place, config), "Bibliothek");
  assert.equal(kindLabel({ ...place, props: { place_type: "other" } }, config), "Treffpunkt");
});

test("the distance reads in metres and walking minutes (80 m a minute unless the API knows better)", () => {
  assert.equal(distanceText(organisation, config), "1.234 m · 16 Min. zu Fuß");
  assert.equal(distanceText({ ...organisation, distance: 10 }, config), "10 m · 1 Min. zu Fuß", "at least a minute");
  assert.equal(distanceText({ ...organisation, props: { walking_minutes: 12 } }, config), "1.234 m · 12 Min. zu Fuß");
  assert.equal(distanceText(place, config), null, "no search point, no distance");
});

test("a feature of the map layer becomes a point that colours and labels like its entry", () => {
  const point = toMapPoint({ type: "Feature", id: 7, geometry: { type: "Point", coordinates: [13.20051, 52.53571] }, properties: { kind: "organisation", category: "kultur" } }, "organisation");
  assert.deepEqual(point.latlng, [52.53571, 13.20051]);
  assert.equal(categoryColour(point, config), "#d95f02");
  const library = toMapPoint({ id: 3, geometry: { type: "Point", coordinates: [13.1, 52.5] }, properties: { kind: "meeting_place", category: "library" } }, "place");
  assert.equal(kindLabel(library, config), "Bibliothek");
  assert.equal(categoryColour(library, config), "#37474f");
  const uncategorised = toMapPoint({ id: 8, geometry: { type: "Point", coordinates: [13.1, 52.5] }, properties: { category: null } }, "organisation");
  assert.equal(categoryColour(uncategorised, config), "#00587a");
});

test("a marker and its list entry share one key: kind and id", () => {
  const entry = toEntry({ id: 7, geometry: null, properties: { id: 7, slug: "verein", name: "Verein" } }, "organisation");
  const point = toMapPoint({ id: 7, geometry: { type: "Point", coordinates: [13.1, 52.5] }, properties: {} }, "organisation");
  assert.equal(markerKey(entry), "organisation:7");
  assert.equal(markerKey(point), markerKey(entry));
  assert.notEqual(markerKey({ kind: "place", id: 7 }), markerKey(entry));
});
