import { fetchJson } from "../shared/api.js";
import { el } from "../shared/dom.js";
import { distanceText, modeText, symbolSigns } from "./transit-stops.js";

// The nearest public-transport stops of a place as a list (name, modes, straight-line distance), and
// their place in the directory's popups. The stops come from the server, which orders them (S-Bahn
// and U-Bahn stations within 800 m first, geodata/transit.py) and gives them only for entries whose
// exact location is public. `transit` is the page's config.transit (geodata.transit.map_config).

export function nearestStopsList(stops, transit, heading = "h3") {
  if (!stops || !stops.length) return null;
  const s = transit.strings;
  const items = stops.map((stop) =>
    el(
      "li",
      { className: stop.rapid_transit ? "stop is-rapid-transit" : "stop", dataset: { stop: stop.id } },
      // Names as the VBB writes them: German, isolated from an Arabic line around them.
      el("span", { className: "stop-name" }, el("bdi", { lang: "de" }, stop.name)),
      " ",
      // Modes and distance each isolated, so "U-Bahn · 350" does not run together in an Arabic line.
      el("bdi", { className: "stop-modes" }, modeText(stop.modes, transit.modes)),
      " · ",
      el("bdi", { className: "stop-distance" }, distanceText(stop.distance_m, s.distance)),
    ),
  );
  return el("section", { className: "nearest-stops" }, el(heading, {}, s.nearest), el("ol", { className: "stop-list" }, items));
}

// The signs of a stop as people know them from the street (S, U, H …), hidden from screen readers,
// which read the name and the modes.
export function stopSymbol(modes) {
  return el(
    "span",
    { className: "transit-symbol", "aria-hidden": "true" },
    symbolSigns(modes).map((sign) => el("span", { className: `transit-sign transit-${sign.mode}` }, sign.letter)),
  );
}

// The nearest stops in a result of the list beside the map: one short line per stop with its signs,
// name and straight-line distance ("Nächste Haltestellen: [S][U] S+U Rathaus Spandau (Berlin) 240 m").
export function compactStopsList(stops, transit) {
  if (!stops || !stops.length) return null;
  const s = transit.strings;
  return el(
    "div",
    { className: "summary-stops" },
    el("span", { className: "summary-stops-label" }, s.nearestShort),
    el(
      "ul",
      { className: "summary-stop-list" },
      stops.map((stop) =>
        el(
          "li",
          { className: stop.rapid_transit ? "stop is-rapid-transit" : "stop", dataset: { stop: stop.id } },
          stopSymbol(stop.modes),
          " ",
          el("bdi", { lang: "de", className: "stop-name" }, stop.name),
          el("span", { className: "visually-hidden" }, ` (${modeText(stop.modes, transit.modes)})`),
          " ",
          el("bdi", { className: "stop-distance" }, distanceText(stop.distance_m, s.distanceShort)),
        ),
      ),
    ),
  );
}

// The stops as a part of every result's summary (result-summary.js): compact in the list, the full list
// in a popup (whose own request for them is then spared). Nothing for entries the server gives none.
// `transit` is the page's config.transit.
export function stopsSummaryPart(entry, transit, options = {}) {
  const stops = entry.props?.nearest_stops;
  if (!transit || !stops?.length) return null;
  return options.layout === "list" ? compactStopsList(stops, transit) : nearestStopsList(stops, transit);
}

const answers = new Map(); // entry key → promise of its nearest stops

// The nearest stops of a directory entry ("organisation:<slug>" or "place:<slug>"), from its detail answer.
export function nearestStopsOfEntry(key, directoryApi) {
  if (!answers.has(key)) {
    const [kind, ...rest] = key.split(":");
    const base = kind === "organisation" ? directoryApi.organisations : directoryApi.meetingPlaces;
    const answer = fetchJson(`${base}${encodeURIComponent(rest.join(":"))}/`).then((feature) => feature.properties?.nearest_stops || []);
    answer.catch(() => answers.delete(key)); // asked again next time
    answers.set(key, answer);
  }
  return answers.get(key);
}

// Adds the list to `container` once the stops are known (nothing when there are none or on an error:
// the popup stays as it was).
export async function appendNearestStops(container, key, config) {
  let stops;
  try {
    stops = await nearestStopsOfEntry(key, config.directory.api);
  } catch (error) {
    console.warn("nearest stops unavailable", error);
    return null;
  }
  if (!container.isConnected || container.querySelector(".nearest-stops")) return null;
  const list = nearestStopsList(stops, config.transit);
  if (list) container.append(list);
  return list;
}

// Every popup of a directory entry on `map` gets the entry's nearest stops.
export function showNearestStopsInPopups(map, config) {
  map.on("popupopen", async (event) => {
    const popup = event.popup;
    const content = popup.getElement()?.querySelector(".entry-popup[data-key]");
    if (!content) return;
    // setContent with the node shown: Leaflet sizes and pans the grown popup (update() would rebuild
    // the content from the marker's popup function and drop the list).
    if ((await appendNearestStops(content, content.dataset.key, config)) && popup.isOpen()) popup.setContent(content);
  });
}
