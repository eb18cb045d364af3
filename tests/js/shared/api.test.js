import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { csrfToken, fetchJson, postJson } from "../../../static/atlas/js/shared/api.js";
import { sendJson, serve } from "../support/http-server.js";

let server;
const seen = [];

before(async () => {
  server = await serve((request, body, response) => {
    seen.push({ method: request.method, url: request.url, headers: request.headers, body });
    if (request.url === "/ok/") sendJson(response, 200, { features: [1, 2] });
    else if (request.url === "/missing/") sendJson(response, 404, { detail: "Kein Planungsraum 999." });
    else if (request.url === "/echo/") sendJson(response, 200, { received: JSON.parse(body) });
    else if (request.url === "/refused/") sendJson(response, 403, { detail: "CSRF-Prüfung fehlgeschlagen." });
    else {
      response.writeHead(502, { "Content-Type": "text/html" });
      response.end("<h1>Bad Gateway</h1>");
    }
  });
});

after(() => server.close());

test("fetchJson resolves to the answer and asks for JSON", async () => {
  assert.deepEqual(await fetchJson(`${server.url}/ok/`), { features: [1, 2] });
  assert.equal(seen.at(-1).headers.accept, "application/json");
});

test("fetchJson rejects with the API's own explanation", async () => {
  await assert.rejects(fetchJson(`${server.url}/missing/`), { message: "Kein Planungsraum 999." });
});

test("fetchJson rejects with the status line when the error is not JSON", async () => {
  await assert.rejects(fetchJson(`${server.url}/proxy-error/`), { message: "HTTP 502" });
});

test("postJson sends JSON and resolves to the answer", async () => {
  const answer = await postJson(`${server.url}/echo/`, { points: [[13.2, 52.53]], weight: 1 });
  assert.deepEqual(answer, { received: { points: [[13.2, 52.53]], weight: 1 } });
  const request = seen.at(-1);
  assert.equal(request.method, "POST");
  assert.equal(request.headers["content-type"], "application/json");
  assert.equal(request.headers["x-csrftoken"], ""); // no page, no cookie
});

test("postJson rejects with the API's explanation", async () => {
  await assert.rejects(postJson(`${server.url}/refused/`, {}), { message: "CSRF-Prüfung fehlgeschlagen." });
});

test("csrfToken reads Django's cookie and nothing that merely ends like it", () => {
  assert.equal(csrfToken("sessionid=x; csrftoken=AbC123; theme=dark"), "AbC123");
  assert.equal(csrfToken("csrftoken=first"), "first");
  assert.equal(csrfToken("notcsrftoken=zzz"), "");
  assert.equal(csrfToken(""), "");
});
