import assert from "node:assert/strict";
import { test } from "node:test";

import { NO_DATA_COLOUR } from "../../../static/atlas/js/shared/indicator-classes.js";
import { addressQuery, colourChoice, indicatorColours } from "../../../static/atlas/js/planning/planner-state.js";

// The shape planning/transit/access.py indicator_definition() gives, with values per planning area.
const transit = {
  key: "transit_access",
  unit: "%",
  classes: [
    { min: null, max: 20, colour: "#c1", label: "< 20 %" },
    { min: 20, max: 40, colour: "#c2", label: "20 – < 40 %" },
    { min: 40, max: 60, colour: "#c3", label: "40 – < 60 %" },
    { min: 60, max: 80, colour: "#c4", label: "60 – < 80 %" },
    { min: 80, max: null, colour: "#c5", label: "≥ 80 %" },
  ],
  values: { gatow: 12, kladow: 19.99, edge: 20, centre: 93.5, empty: null },
};

test("the colouring is read from the address only when it names an indicator", () => {
  assert.equal(colourChoice("colour=transit_access", [transit]), "transit_access");
  assert.equal(colourChoice("catchment=500&colour=transit_access", [transit]), "transit_access");
  assert.equal(colourChoice("colour=unknown", [transit]), "");
  assert.equal(colourChoice("", [transit]), "");
  assert.equal(colourChoice("colour=transit_access", []), "");
});

test("the address keeps the parameters and adds the colouring unless it is the gap", () => {
  assert.equal(addressQuery("catchment=500", ""), "catchment=500");
  assert.equal(addressQuery("", ""), "");
  assert.equal(addressQuery("catchment=500", "transit_access"), "catchment=500&colour=transit_access");
  assert.equal(colourChoice(addressQuery("need=residents", "transit_access"), [transit]), "transit_access");
});

test("each planning area gets its class' colour, lower bounds inclusive, and grey without a value", () => {
  const { colours, counts } = indicatorColours(transit, ["gatow", "kladow", "edge", "centre", "empty", "unknown"]);
  assert.deepEqual(Object.fromEntries(colours), {
    gatow: "#c1", kladow: "#c1", edge: "#c2", centre: "#c5", empty: NO_DATA_COLOUR, unknown: NO_DATA_COLOUR,
  });
  assert.deepEqual(counts, { 0: 2, 1: 1, 4: 1, noData: 2 });
});
