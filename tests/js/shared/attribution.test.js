import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { SEPARATOR, attributionTexts, loadSources, shortAttribution } from "../../../static/atlas/js/shared/attribution.js";
import { sendJson, serve } from "../support/http-server.js";

const sources = [
  { key: "alkis-ortsteile", attribution: "Geoportal Berlin / ALKIS", licence: "dl-de/by-2-0" },
  { key: "lor-plr", attribution: "Geoportal Berlin / LOR", licence: "dl-de/by-2-0" },
  { key: "lor-plr-2021", attribution: "Geoportal Berlin / LOR", licence: "dl-de/by-2-0" },
  { key: "edited", attribution: "<b>Amt</b> & Partner", licence: "CC BY 4.0" },
];
const page = { page: "/quellen/", label: "Quellen" };

test("the short line: Leaflet, the base map's credit with its link, and the sources page", () => {
  const line = shortAttribution({
    credit: { text: "© OpenStreetMap contributors", url: "https://www.openstreetmap.org/copyright" },
    sources: page,
  });
  assert.equal(
    line,
    [
      '<a href="https://leafletjs.com">Leaflet</a>',
      '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a>',
      '<a href="/quellen/">Quellen</a>',
    ].join(SEPARATOR),
  );
});

test("in an embed every link of the line opens a new tab", () => {
  const line = shortAttribution({ credit: { text: "© OSM", url: "https://osm.example/copyright" }, sources: page, newTab: true });
  assert.equal(line.match(/<a /g).length, 3);
  assert.equal(line.match(/ target="_blank" rel="noopener"/g).length, 3);
});

test("texts and addresses from settings and the database are escaped", () => {
  const line = shortAttribution({
    credit: { text: "<img src=x onerror=alert(1)> & Co", url: 'https://x.example/"><script>' },
    sources: { page: "/quellen/", label: "<b>Quellen</b>" },
  });
  assert.ok(!line.includes("<img") && !line.includes("<script") && !line.includes("<b>"));
  assert.ok(line.includes("&lt;img src=x onerror=alert(1)&gt; &amp; Co"));
  assert.ok(line.includes('href="https://x.example/&quot;&gt;&lt;script&gt;"'));
});

test("a credit without a link is text; no credit (the offline base's sources not loaded yet), none", () => {
  assert.equal(shortAttribution({ credit: { text: "Geoportal Berlin" }, sources: page }).split(SEPARATOR)[1], "Geoportal Berlin");
  assert.equal(shortAttribution({ credit: null, sources: page }).split(SEPARATOR).length, 2);
  assert.equal(shortAttribution({ credit: { text: "" }, sources: page }).split(SEPARATOR).length, 2);
});

test("each attribution text is named once, in the order of the sources", () => {
  assert.deepEqual(attributionTexts(sources, ["lor-plr-2021", "alkis-ortsteile", "lor-plr"]), [
    "Geoportal Berlin / ALKIS",
    "Geoportal Berlin / LOR",
  ]);
  assert.deepEqual(attributionTexts(sources, ["unknown"]), []);
  assert.deepEqual(attributionTexts([], ["lor-plr"]), []);
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
