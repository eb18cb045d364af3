// What a visitor chose for the base of the maps, kept in the browser (localStorage) and never sent to
// the server: the base layer ("street" or "offline") and, where a deployment asks first
// (ATLAS_TILES_CONSENT), the tile host the visitor agreed to load the street map from.
export const CHOICE_KEY = "atlas.baseLayer";
export const CONSENT_KEY = "atlas.tilesConsent";
export const STREET = "street";
export const OFFLINE = "offline";

// The browser's localStorage, or null where it is blocked (some embeds, private modes).
export function browserStorage() {
  try {
    const storage = globalThis.localStorage;
    storage.getItem(CHOICE_KEY);
    return storage;
  } catch {
    return null;
  }
}

function read(storage, key) {
  try {
    return storage ? storage.getItem(key) : null;
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    storage?.setItem(key, value);
  } catch {
    // full or blocked: the choice lasts as long as the page
  }
}

export function readChoice(storage) {
  const choice = read(storage, CHOICE_KEY);
  return choice === STREET || choice === OFFLINE ? choice : null;
}

export function rememberChoice(storage, choice) {
  write(storage, CHOICE_KEY, choice);
}

// The agreement holds for one tile host: a deployment that moves to another provider asks again.
export function hasConsent(storage, host) {
  return Boolean(host) && read(storage, CONSENT_KEY) === host;
}

export function rememberConsent(storage, host) {
  write(storage, CONSENT_KEY, host);
}

// The base a map starts on, and whether it asks before loading the street map: the street map unless the
// visitor chose the offline base, or the deployment asks first and the visitor has not agreed yet.
export function startingBase({ choice, consentRequired, consented }) {
  if (consentRequired && !consented) return { base: OFFLINE, ask: true };
  return { base: choice === OFFLINE ? OFFLINE : STREET, ask: false };
}
