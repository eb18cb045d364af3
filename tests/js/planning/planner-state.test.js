import assert from "node:assert/strict";
import { test } from "node:test";

import { countedLines, coverageRows, gapClassColour, parameterQuery, weightText } from "../../../static/atlas/js/planning/planner-state.js";

const defaults = { catchment: 1000, need: "migration", mss_weight: 0.5 };

test("the defaults leave the address clean", () => {
  assert.equal(parameterQuery({ ...defaults, supply_types: "" }, defaults), "");
});

test("only what differs from the defaults enters the query", () => {
  const query = parameterQuery({ catchment: 1500, need: "migration", mss_weight: 1, supply_types: "youth,library" }, defaults);
  assert.equal(query, "catchment=1500&mss_weight=1&supply_types=youth%2Clibrary");
  assert.deepEqual(Object.fromEntries(new URLSearchParams(query)), { catchment: "1500", mss_weight: "1", supply_types: "youth,library" });
  assert.equal(parameterQuery({ ...defaults, need: "population", supply_types: "" }, defaults), "need=population");
});

const coverage = {
  features: [
    { properties: { key: "01", name: "Hakenfelde", rank: 1, class: 5, gap_score: 0.9, access: 0.001, relative_access: 0.4 } },
    { properties: { key: "02", name: "Falkenhagener Feld", rank: 2, class: 4, gap_score: 0.7, access: 0.002, relative_access: 0.8 } },
  ],
};

test("without what-if points every row has no 'after'", () => {
  const rows = coverageRows(coverage, null);
  assert.deepEqual(rows.map((row) => [row.key, row.rank, row.after]), [["01", 1, null], ["02", 2, null]]);
});

test("what-if figures go under 'after', the relative access against the new reference", () => {
  const whatIf = {
    reference_access: 0.004,
    areas: [{ key: "01", rank_after: 2, gap_score_after: 0.5, class_after: 3, access_after: 0.003 }],
  };
  const [changed, unchanged] = coverageRows(coverage, whatIf);
  assert.deepEqual(changed.after, { rank: 2, gap_score: 0.5, class: 3, access: 0.003, relative_access: 0.75 });
  assert.equal(changed.name, "Hakenfelde", "the properties stay");
  assert.equal(changed.rank, 1, "the rank before stays beside the rank after");
  assert.equal(unchanged.after, null);
});

test("without a reference the relative access after stays the one before", () => {
  const [row] = coverageRows(coverage, { areas: [{ key: "01", rank_after: 1, gap_score_after: 0.8, class_after: 5, access_after: 0.002 }] });
  assert.equal(row.after.relative_access, 0.4);
});

test("each gap class has its colour; an unknown one is grey", () => {
  const classes = [{ value: 1, colour: "#fef0d9" }, { value: 5, colour: "#b30000" }];
  assert.equal(gapClassColour(classes, 5), "#b30000");
  assert.equal(gapClassColour(classes, 3), "#bdbdbd");
  assert.equal(gapClassColour(classes, null), "#bdbdbd");
});

const strings = {
  countsFull: "zählt voll",
  countsPart: "zählt zu %(percent)s %",
  metres: "%(metres)s m",
  supplyKind: { organisation: "Organisation", meeting_place: "Treffpunkt", facility: "Einrichtung" },
};

test("a zone's weight in words: full, or its percentage", () => {
  assert.equal(weightText(1, strings), "zählt voll");
  assert.equal(weightText(0.68, strings), "zählt zu 68 %");
  assert.equal(weightText(0.22, strings, (n) => `<${n}>`), "zählt zu <22> %", "numbers in the page's format");
});

test("the entries a catchment counts keep their order and say kind, distance and weight", () => {
  const answer = {
    entries: [
      { kind: "meeting_place", id: 3, name: "Jugendzentrum", distance_m: 80, weight: 1 },
      { kind: "organisation", id: 9, name: "Verein", distance_m: 1250, weight: 0.22 },
      { kind: "unknown_kind", id: 1, name: "X", distance_m: 10, weight: 0.68 },
    ],
  };
  const lines = countedLines(answer, strings, (n) => n.toLocaleString("de-DE"));
  assert.deepEqual(lines.map((line) => line.name), ["Jugendzentrum", "Verein", "X"]);
  assert.equal(lines[0].meta, "Treffpunkt · 80 m · zählt voll");
  assert.equal(lines[1].meta, "Organisation · 1.250 m · zählt zu 22 %");
  assert.equal(lines[2].meta, "unknown_kind · 10 m · zählt zu 68 %");
  assert.deepEqual(countedLines(null, strings), []);
});
