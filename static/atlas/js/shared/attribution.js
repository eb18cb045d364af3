import { fetchJson } from "./api.js";
import { escapeHtml } from "./dom.js";

// The one short line under every map: Leaflet, the credit of the base shown (the street map's, or the
// Ortsteile's source on the offline base) and a link to the sources page. The layers above carry no
// attribution of their own: the full list is on /quellen/ and in the map page's side panel.
// Leaflet renders the line as HTML, so every text (settings, the database) is escaped here.
export const SEPARATOR = ' <span aria-hidden="true">|</span> ';

function link(href, text, newTab) {
  // In an embed the page around it stays: links open a new tab.
  const target = newTab ? ' target="_blank" rel="noopener"' : "";
  return `<a href="${escapeHtml(href)}"${target}>${escapeHtml(text)}</a>`;
}

// credit: {text, url} of the base (url optional; null: nothing to credit); sources: {page, label}.
export function shortAttribution({ credit = null, sources, newTab = false }) {
  const parts = [link("https://leafletjs.com", "Leaflet", newTab)];
  if (credit?.text) parts.push(credit.url ? link(credit.url, credit.text, newTab) : escapeHtml(credit.text));
  if (sources?.page) parts.push(link(sources.page, sources.label, newTab));
  return parts.join(SEPARATOR);
}

// The attribution texts of the sources with these keys, each distinct text once, in the sources' order.
export function attributionTexts(sources, keys) {
  const texts = sources.filter((source) => keys.includes(source.key)).map((source) => source.attribution);
  return [...new Set(texts)];
}

export async function loadSources(url) {
  try {
    return await fetchJson(url);
  } catch (_error) {
    return []; // the sources page linked on the map still lists them
  }
}
