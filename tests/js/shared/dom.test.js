import assert from "node:assert/strict";
import { test } from "node:test";

import { escapeHtml } from "../../../static/atlas/js/shared/dom.js";

test("escapeHtml makes text safe for Leaflet's HTML-only places", () => {
  assert.equal(
    escapeHtml(`<img src=x onerror="alert('x')"> & Co`),
    "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; Co",
  );
});

test("escapeHtml leaves plain text alone and turns other values into text", () => {
  assert.equal(escapeHtml("Ortsteile (offline)"), "Ortsteile (offline)");
  assert.equal(escapeHtml(42), "42");
  assert.equal(escapeHtml("&amp;"), "&amp;amp;");
});
