import assert from "node:assert/strict";
import { test } from "node:test";

import { fill, formatDecimal, formatInteger, formatPercent, joinList, pageLocale } from "../../../static/atlas/js/shared/format.js";

test("without a page the language is German", () => {
  assert.equal(pageLocale, "de");
});

test("integers get German thousands separators and no decimals", () => {
  assert.equal(formatInteger(1234567), "1.234.567");
  assert.equal(formatInteger(12.6), "13");
  assert.equal(formatInteger(0), "0");
});

test("percentages and decimals keep one decimal with a comma", () => {
  assert.equal(formatPercent(12.345), "12,3 %");
  assert.equal(formatPercent(0), "0,0 %");
  assert.equal(formatDecimal(3), "3,0");
  assert.equal(formatDecimal(1234.56), "1.234,6");
});

test("a missing value stays missing, so callers can say 'no data'", () => {
  for (const format of [formatInteger, formatPercent, formatDecimal]) {
    assert.equal(format(null), null);
    assert.equal(format(undefined), null);
  }
});

test("fill puts values into Python-style templates from the server", () => {
  assert.equal(fill("Punkt %(n)s in %(area)s", { n: 2, area: "Hakenfelde" }), "Punkt 2 in Hakenfelde");
  assert.equal(fill("%(n)s und %(n)s", { n: 0 }), "0 und 0");
  assert.equal(fill("Rang %(rank)s", {}), "Rang ");
  assert.equal(fill("ohne Platzhalter", { n: 1 }), "ohne Platzhalter");
});

test("lists join with the language's comma: Arabic writes ،", () => {
  assert.equal(joinList(["Beratung", "Frauen"]), "Beratung, Frauen");
  assert.equal(joinList(["استشارات", "نساء"], "ar"), "استشارات، نساء");
  assert.equal(joinList(["Консультації"], "uk"), "Консультації");
  assert.equal(joinList([], "ar"), "");
});
