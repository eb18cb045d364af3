import assert from "node:assert/strict";
import { test } from "node:test";

import { mergeSuggestions, templateParts } from "../../../static/atlas/js/directory/search-suggestions.js";

test("suggestions of both kinds of entry are merged, each query once, organisations first", () => {
  const organisations = [{ q: "Moschee", label: "Moschee" }, { q: "Kiezküche", label: "Kiezküche" }];
  const places = [{ q: "Moschee", label: "Moschee" }, { q: "Bibliothek", label: "Bibliothek" }];
  assert.deepEqual(mergeSuggestions([organisations, places]).map((s) => s.q), ["Moschee", "Kiezküche", "Bibliothek"]);
  assert.equal(mergeSuggestions([organisations, places], 2).length, 2);
});

test("missing or malformed answers give no suggestion", () => {
  assert.deepEqual(mergeSuggestions([undefined, null]), []);
  assert.deepEqual(mergeSuggestions([[{ q: "" }, { label: "x" }, null, { q: 3 }]]), []);
  assert.deepEqual(mergeSuggestions([[{ q: " мечеть " }]]), [{ q: "мечеть", label: "мечеть" }]);
});

test("the translated sentence is split around the suggestions, whatever its word order", () => {
  assert.deepEqual(templateParts("Meinten Sie: {suggestions}?"), ["Meinten Sie: ", "?"]);
  assert.deepEqual(templateParts("هل تقصد: {suggestions}؟"), ["هل تقصد: ", "؟"]);
  assert.deepEqual(templateParts("{suggestions} – did you mean?"), ["", " – did you mean?"]);
  assert.deepEqual(templateParts("Did you mean"), ["Did you mean ", ""]);
});
