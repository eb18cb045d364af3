import assert from "node:assert/strict";
import { test } from "node:test";

import { FILTER_KEYS, readState, serialiseState } from "../../../static/atlas/js/directory/url-state.js";

const noFilters = Object.fromEntries(FILTER_KEYS.map((key) => [key, ""]));

test("an empty address is the default view", () => {
  assert.deepEqual(readState(""), {
    filters: noFilters,
    near: null,
    radius: "",
    view: null,
    tab: "",
    indicator: "",
    show: { organisations: true, places: true },
  });
});

test("the default view writes nothing into the address", () => {
  assert.equal(serialiseState(readState("")), "");
});

test("a shared link restores filters, 'near', radius, map view, tab, colouring and hidden layers", () => {
  const state = {
    filters: { ...noFilters, q: "Café & Co", category: "bildung", language: "ar", ortsteil: "0501" },
    near: { lon: 13.19876, lat: 52.53456, label: "Rathaus Spandau, Carl-Schurz-Str. 2/6" },
    radius: "1000",
    view: { zoom: 15, lat: 52.5351, lon: 13.2003 },
    tab: "ebenen",
    indicator: "mss_status_index",
    show: { organisations: true, places: false },
  };
  const query = serialiseState(state);
  assert.deepEqual(readState(query), state);
  assert.deepEqual(readState(`?${query}`), state, "with the leading question mark of location.search");
});

test("a fractional zoom (the district fitted to the screen) survives the address bar", () => {
  const query = serialiseState({ view: { zoom: 11.75, lat: 52.5, lon: 13.2 } });
  assert.deepEqual(readState(query).view, { zoom: 11.75, lat: 52.5, lon: 13.2 });
});

test("coordinates are written with five decimals (about a metre)", () => {
  const query = serialiseState({ near: { lon: 13.123456789, lat: 52.987654321, label: "" }, view: { zoom: 12, lat: 52.5, lon: 13.2 } });
  const params = new URLSearchParams(query);
  assert.equal(params.get("near"), "13.12346,52.98765");
  assert.equal(params.get("map"), "12/52.50000/13.20000");
  assert.equal(params.has("near_label"), false);
});

test("both kinds hidden are both remembered", () => {
  const state = readState(serialiseState({ show: { organisations: false, places: false } }));
  assert.deepEqual(state.show, { organisations: false, places: false });
});

test("a tampered link falls back to the defaults piece by piece", () => {
  const state = readState(
    "?near=200,52.5&radius=750&map=abc&q=" + "x".repeat(500) + "&near_label=ignored&hide=everything&indicator=" + "y".repeat(99),
  );
  assert.equal(state.near, null, "longitude out of range");
  assert.equal(state.radius, "", "only the radii of the select");
  assert.equal(state.view, null);
  assert.equal(state.filters.q.length, 100, "filters are cut to 100 characters");
  assert.deepEqual(state.show, { organisations: true, places: true });
});

test("'near' and 'map' need all their numbers", () => {
  assert.equal(readState("?near=13.2").near, null);
  assert.equal(readState("?near=13.2,").near, null);
  assert.equal(readState("?map=12/52.5").view, null);
  assert.deepEqual(readState("?near=13.2,52.5").near, { lon: 13.2, lat: 52.5, label: "" });
  assert.deepEqual(readState("?map=12/52.5/13.2").view, { zoom: 12, lat: 52.5, lon: 13.2 });
});

test("the language goes into a shared link, German (the first language) does not", () => {
  const state = readState("?tab=verzeichnis&category=counselling");
  assert.equal(serialiseState(state, "ar"), "lang=ar&tab=verzeichnis&category=counselling");
  assert.equal(serialiseState(state, "de"), "tab=verzeichnis&category=counselling");
  assert.equal(serialiseState(state), "tab=verzeichnis&category=counselling", "Node has no page: German");
});

test("the open-now and wheelchair filters are kept in the address", () => {
  const state = readState("?open_now=true&wheelchair=true");
  assert.equal(state.filters.open_now, "true");
  assert.equal(state.filters.wheelchair, "true");
  assert.equal(serialiseState(state, "de"), "open_now=true&wheelchair=true");
});
