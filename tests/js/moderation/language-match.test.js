import assert from "node:assert/strict";
import { test } from "node:test";

import { foldText, matchesQuery } from "../../../static/atlas/js/moderation/language-match.js";

const ARABIC = "العربية Arabisch ar Arabic";
const TURKISH = "Türkçe Türkisch tr Turkish";

test("foldText drops case, accents and Arabic vowel marks", () => {
  assert.equal(foldText("  Türkçe "), "turkce");
  assert.equal(foldText("Română"), "romana");
  assert.equal(foldText("عَرَبِيّ"), "عربي");
  assert.equal(foldText(undefined), "");
});

test("a language matches by any of its names, in any case", () => {
  assert.ok(matchesQuery("arab", ARABIC));
  assert.ok(matchesQuery("ARAB", ARABIC));
  assert.ok(matchesQuery("عرب", ARABIC));
  assert.ok(matchesQuery("turk", TURKISH));
  assert.ok(matchesQuery("türk", TURKISH));
  assert.ok(!matchesQuery("arab", TURKISH));
});

test("an empty query matches everything; several words must all occur", () => {
  assert.ok(matchesQuery("", TURKISH));
  assert.ok(matchesQuery("   ", TURKISH));
  assert.ok(matchesQuery("tür tr", TURKISH));
  assert.ok(!matchesQuery("tür ar", TURKISH));
});
