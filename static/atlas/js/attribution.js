import { fetchJson } from "./api.js";

// Attribution of the data sources on a Leaflet map. Leaflet renders attributions as HTML, so the
// texts from the database are escaped first.
function escapeHtml(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}

export function sourceAttribution(sources, keys) {
  return sources
    .filter((source) => keys.includes(source.key))
    .map((source) => escapeHtml(`${source.attribution} (${source.licence})`))
    .join(" · ");
}

export async function loadSources(url) {
  try {
    return await fetchJson(url);
  } catch (_error) {
    return []; // the sources page linked in the header still lists them
  }
}

// Adds the attribution of the sources whose key starts with one of the prefixes.
export async function attributeSources(map, url, prefixes) {
  const sources = await loadSources(url);
  const keys = sources.map((s) => s.key).filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
  const text = sourceAttribution(sources, keys);
  if (text) map.attributionControl.addAttribution(text);
}
