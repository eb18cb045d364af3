import assert from "node:assert/strict";
import { test } from "node:test";

import {
  CHOICE_KEY,
  OFFLINE,
  STREET,
  hasConsent,
  readChoice,
  rememberChoice,
  rememberConsent,
  startingBase,
} from "../../../static/atlas/js/shared/base-choice.js";

// localStorage's interface over a Map.
function memoryStorage() {
  const values = new Map();
  return {
    getItem: (key) => (values.has(key) ? values.get(key) : null),
    setItem: (key, value) => values.set(key, String(value)),
  };
}

// Storage that throws, as a blocked localStorage does (some embeds, private modes).
const blocked = {
  getItem() {
    throw new Error("SecurityError");
  },
  setItem() {
    throw new Error("SecurityError");
  },
};

test("the street map unless the visitor chose the offline base", () => {
  assert.deepEqual(startingBase({ choice: null, consentRequired: false, consented: false }), { base: STREET, ask: false });
  assert.deepEqual(startingBase({ choice: STREET, consentRequired: false, consented: false }), { base: STREET, ask: false });
  assert.deepEqual(startingBase({ choice: OFFLINE, consentRequired: false, consented: false }), { base: OFFLINE, ask: false });
});

test("where the deployment asks first: the offline base and the question until the visitor agreed", () => {
  assert.deepEqual(startingBase({ choice: null, consentRequired: true, consented: false }), { base: OFFLINE, ask: true });
  assert.deepEqual(startingBase({ choice: STREET, consentRequired: true, consented: false }), { base: OFFLINE, ask: true });
  assert.deepEqual(startingBase({ choice: null, consentRequired: true, consented: true }), { base: STREET, ask: false });
  assert.deepEqual(startingBase({ choice: OFFLINE, consentRequired: true, consented: true }), { base: OFFLINE, ask: false });
});

test("the choice is kept; anything else in the store counts as no choice", () => {
  const storage = memoryStorage();
  assert.equal(readChoice(storage), null);
  rememberChoice(storage, OFFLINE);
  assert.equal(readChoice(storage), OFFLINE);
  rememberChoice(storage, STREET);
  assert.equal(readChoice(storage), STREET);
  storage.setItem(CHOICE_KEY, "satellite");
  assert.equal(readChoice(storage), null);
});

test("the agreement holds for the tile host it was given for", () => {
  const storage = memoryStorage();
  assert.equal(hasConsent(storage, "tile.openstreetmap.org"), false);
  rememberConsent(storage, "tile.openstreetmap.org");
  assert.equal(hasConsent(storage, "tile.openstreetmap.org"), true);
  assert.equal(hasConsent(storage, "tiles.example.org"), false);
  assert.equal(hasConsent(storage, null), false);
});

test("without a usable storage nothing is kept and nothing fails", () => {
  for (const storage of [null, blocked]) {
    rememberChoice(storage, OFFLINE);
    rememberConsent(storage, "tile.openstreetmap.org");
    assert.equal(readChoice(storage), null);
    assert.equal(hasConsent(storage, "tile.openstreetmap.org"), false);
  }
});
