import { pageLocale } from "../shared/format.js";

// The directory's view in the address bar, so a shared link restores filters, "near", map and tab,
// the statistics colouring on the map page (indicator), and the language: ?lang= (common/languages.py)
// opens a link from the Arabic interface in Arabic.
// German, the atlas's first language, is left out, so a German link opens in the reader's own language.
// Written with history.replaceState (no new history entries); read once on load.
export const FILTER_KEYS = ["q", "category", "language", "target_group", "ortsteil", "type", "open_now", "wheelchair"];
const SOURCE_LANGUAGE = "de";
const RADII = ["500", "1000", "2000"];

function number(text) {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) ? value : null;
}

export function readState(search = window.location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const key of FILTER_KEYS) filters[key] = (params.get(key) || "").slice(0, 100);
  let near = null;
  const [lon, lat] = (params.get("near") || "").split(",").map(number);
  if (lon !== null && lat !== null && lon !== undefined && lat !== undefined && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
    near = { lon, lat, label: (params.get("near_label") || "").slice(0, 120) };
  }
  let view = null;
  const [zoom, vlat, vlon] = (params.get("map") || "").split("/").map(number);
  if (zoom !== null && vlat !== null && vlon !== null && vlon !== undefined) view = { zoom, lat: vlat, lon: vlon };
  const hidden = (params.get("hide") || "").split(",");
  return {
    filters,
    near,
    radius: RADII.includes(params.get("radius")) ? params.get("radius") : "",
    view,
    tab: params.get("tab") || "",
    indicator: (params.get("indicator") || "").slice(0, 60),
    show: { organisations: !hidden.includes("organisations"), places: !hidden.includes("places") },
  };
}

// The state as a query string (without "?"): only what differs from the default view, and the
// page's language unless it is German.
export function serialiseState(state, language = pageLocale) {
  const params = new URLSearchParams();
  if (language && language !== SOURCE_LANGUAGE) params.set("lang", language);
  if (state.tab) params.set("tab", state.tab);
  if (state.indicator) params.set("indicator", state.indicator);
  for (const key of FILTER_KEYS) if (state.filters?.[key]) params.set(key, state.filters[key]);
  if (state.near) {
    params.set("near", `${state.near.lon.toFixed(5)},${state.near.lat.toFixed(5)}`);
    if (state.near.label) params.set("near_label", state.near.label);
  }
  if (state.radius) params.set("radius", state.radius);
  const hidden = Object.entries(state.show || {}).filter(([, on]) => !on).map(([kind]) => kind);
  if (hidden.length) params.set("hide", hidden.join(","));
  if (state.view) params.set("map", `${state.view.zoom}/${state.view.lat.toFixed(5)}/${state.view.lon.toFixed(5)}`);
  return params.toString();
}

export function writeState(state) {
  const query = serialiseState(state);
  const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, "", url);
  }
}
