import assert from "node:assert/strict";
import { test } from "node:test";

import { MergedPages } from "../../../static/atlas/js/directory/merged-pages.js";

// A paginated source over sorted entries, recording the pages asked for.
function source(names, pageSize, asked = []) {
  return async (url) => {
    const page = url === null ? 1 : Number(new URL(url, "http://atlas.test").searchParams.get("page"));
    asked.push(page);
    const start = (page - 1) * pageSize;
    return {
      entries: names.slice(start, start + pageSize).map((name) => ({ name })),
      count: names.length,
      next: start + pageSize < names.length ? `http://atlas.test/api/?page=${page + 1}` : null,
    };
  };
}

const byName = (a, b) => a.name.localeCompare(b.name, "de");

test("the count is known after the first page of each source", async () => {
  const asked = [];
  const pages = await new MergedPages([source(["a", "c", "e"], 2, asked), source(["b", "d"], 2, asked)], byName).start();
  assert.equal(pages.count, 5);
  assert.deepEqual(asked, [1, 1]);
  assert.equal(pages.done, false);
});

test("entries of all sources come out merged in order, each exactly once, a page at a time", async () => {
  const organisations = Array.from({ length: 23 }, (_, n) => `org ${String(n).padStart(2, "0")}`);
  const places = Array.from({ length: 9 }, (_, n) => `ort ${n}`);
  const pages = await new MergedPages([source(organisations, 5), source(places, 5)], byName).start();
  const shown = [];
  while (!pages.done) {
    const taken = await pages.take(7);
    assert.ok(taken.length === 7 || pages.done, "full pages until the end");
    shown.push(...taken.map((entry) => entry.name));
  }
  assert.deepEqual(shown, [...organisations, ...places].sort((a, b) => a.localeCompare(b, "de")));
  assert.equal(pages.shown, 32);
  assert.deepEqual(await pages.take(7), []);
});

test("a source's next page is fetched only when the merge reaches its end", async () => {
  const asked = [];
  const pages = await new MergedPages([source(["a", "b", "c", "d", "e", "f"], 2, asked)], byName).start();
  assert.deepEqual((await pages.take(2)).map((entry) => entry.name), ["a", "b"]);
  assert.deepEqual(asked, [1]);
  assert.deepEqual((await pages.take(3)).map((entry) => entry.name), ["c", "d", "e"]);
  assert.deepEqual(asked, [1, 2, 3]);
});

test("nearest first: the order of distances across sources", async () => {
  const near = (values) => async () => ({ entries: values.map((distance) => ({ name: String(distance), distance })), count: values.length, next: null });
  const byDistance = (a, b) => a.distance - b.distance;
  const pages = await new MergedPages([near([10, 200, 3000]), near([50, 60])], byDistance).start();
  assert.deepEqual((await pages.take(10)).map((entry) => entry.distance), [10, 50, 60, 200, 3000]);
  assert.equal(pages.done, true);
});

test("no sources: nothing to show, and done", async () => {
  const pages = await new MergedPages([], byName).start();
  assert.equal(pages.count, 0);
  assert.equal(pages.done, true);
  assert.deepEqual(await pages.take(50), []);
});

test("a failing page rejects the call that needed it", async () => {
  const failing = async (url) => {
    if (url) throw new Error("HTTP 500");
    return { entries: [{ name: "a" }], count: 2, next: "/api/?page=2" };
  };
  const pages = await new MergedPages([failing], byName).start();
  assert.deepEqual((await pages.take(1)).map((entry) => entry.name), ["a"]);
  await assert.rejects(pages.take(1), /HTTP 500/);
});
