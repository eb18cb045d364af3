import assert from "node:assert/strict";
import { test } from "node:test";

import { classify, colourFor, NO_DATA_COLOUR } from "../../../static/atlas/js/shared/indicator-classes.js";

const indicator = {
  classes: [
    { min: null, max: 10, colour: "#fee5d9", label: "unter 10" },
    { min: 10, max: 20, colour: "#fcae91", label: "10 bis unter 20" },
    { min: 20, max: null, colour: "#cb181d", label: "20 und mehr" },
  ],
};

test("a value falls into the class whose lower bound it reaches and whose upper bound it stays below", () => {
  assert.equal(classify(-5, indicator), indicator.classes[0]);
  assert.equal(classify(9.99, indicator), indicator.classes[0]);
  assert.equal(classify(10, indicator), indicator.classes[1]);
  assert.equal(classify(19.999, indicator), indicator.classes[1]);
  assert.equal(classify(20, indicator), indicator.classes[2]);
  assert.equal(classify(1e6, indicator), indicator.classes[2]);
});

test("missing values and values between classes have no class and the no-data colour", () => {
  for (const value of [null, undefined, Number.NaN]) {
    assert.equal(classify(value, indicator), null);
    assert.equal(colourFor(value, indicator), NO_DATA_COLOUR);
  }
  const gappy = { classes: [{ min: 0, max: 1, colour: "#000" }, { min: 2, max: 3, colour: "#fff" }] };
  assert.equal(classify(1.5, gappy), null);
  assert.equal(colourFor(1.5, gappy), NO_DATA_COLOUR);
});

test("colourFor gives the class colour", () => {
  assert.equal(colourFor(15, indicator), "#fcae91");
  assert.equal(colourFor(0, indicator), "#fee5d9");
});
