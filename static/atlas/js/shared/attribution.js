import { fetchJson } from "./api.js";
import { escapeHtml } from "./dom.js";

// Attribution of the data sources on a Leaflet map. Leaflet renders attributions as HTML, so the
// texts from the database (editable in the admin) are escaped first.
// Several sources of one publisher share a text: each text is named once.
export function sourceAttribution(sources, keys) {
  const texts = sources.filter((source) => keys.includes(source.key)).map((source) => `${source.attribution} (${source.licence})`);
  return [...new Set(texts)].map(escapeHtml).join(" · ");
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
