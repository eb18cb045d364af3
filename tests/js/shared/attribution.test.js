import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { loadSources, sourceAttribution } from "../../../static/atlas/js/shared/attribution.js";
import { sendJson, serve } from "../support/http-server.js";

const sources = [
  { key: "alkis-ortsteile", attribution: "Geoportal Berlin / ALKIS", licence: "dl-de/by-2-0" },
  { key: "lor-plr", attribution: "Geoportal Berlin / LOR", licence: "dl-de/by-2-0" },
  { key: "lor-plr-2021", attribution: "Geoportal Berlin / LOR", licence: "dl-de/by-2-0" },
  { key: "edited", attribution: "<b>Amt</b> & Partner", licence: "CC BY 4.0" },
];

test("each named source is credited once per distinct text, in the order of the sources", () => {
  assert.equal(
    sourceAttribution(sources, ["lor-plr-2021", "alkis-ortsteile", "lor-plr"]),
    "Geoportal Berlin / ALKIS (dl-de/by-2-0) · Geoportal Berlin / LOR (dl-de/by-2-0)",
  );
});

test("texts from the database are escaped for Leaflet's HTML attribution", () => {
  assert.equal(sourceAttribution(sources, ["edited"]), "&lt;b&gt;Amt&lt;/b&gt; &amp; Partner (CC BY 4.0)");
});

test("no known key, no attribution", () => {
  assert.equal(sourceAttribution(sources, ["unknown"]), "");
  assert.equal(sourceAttribution([], ["lor-plr"]), "");
});

let server;
before(async () => {
  server = await serve((request, _body, response) => {
    if (request.url === "/sources/") sendJson(response, 200, sources);
    else sendJson(response, 500, { detail: "kaputt" });
  });
});
after(() => server.close());

test("loadSources gives the API's list, and an empty one when the API fails", async () => {
  assert.deepEqual(await loadSources(`${server.url}/sources/`), sources);
  assert.deepEqual(await loadSources(`${server.url}/broken/`), []);
});
