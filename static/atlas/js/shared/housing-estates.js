import { fetchJson } from "./api.js";
import { el } from "./dom.js";

/* global L */
const HATCH_ID = "estate-hatch";

// An SVG hatch pattern for the estates, added once to the overlay pane's SVG.
function ensureHatchPattern(map) {
  const svg = map.getPanes().overlayPane.querySelector("svg");
  if (!svg || svg.querySelector(`#${HATCH_ID}`)) return;
  const ns = "http://www.w3.org/2000/svg";
  const defs = document.createElementNS(ns, "defs");
  const pattern = document.createElementNS(ns, "pattern");
  pattern.setAttribute("id", HATCH_ID);
  pattern.setAttribute("patternUnits", "userSpaceOnUse");
  pattern.setAttribute("width", "8");
  pattern.setAttribute("height", "8");
  pattern.setAttribute("patternTransform", "rotate(45)");
  const line = document.createElementNS(ns, "line");
  line.setAttribute("x1", "0");
  line.setAttribute("y1", "0");
  line.setAttribute("x2", "0");
  line.setAttribute("y2", "8");
  line.setAttribute("stroke", "#6a1b9a");
  line.setAttribute("stroke-width", "2");
  pattern.append(line);
  defs.append(pattern);
  svg.prepend(defs);
}

export async function loadHousingEstates(map, config, renderer, panel) {
  const strings = config.strings;
  const collection = await fetchJson(config.api.housingEstates);
  // Drawn above the planning areas but not clickable, so clicks reach the planning area below;
  // the estates' details are in the list beside the map.
  const layer = L.geoJSON(collection, {
    renderer,
    interactive: false,
    style: () => ({ color: "#6a1b9a", weight: 2.5, dashArray: "6 4", fillOpacity: 0.35, className: "estate" }),
  });
  renderEstateList(map, layer, collection, panel, strings);
  layer.on("add", () => {
    ensureHatchPattern(map);
    layer.eachLayer((path) => path.getElement()?.setAttribute("fill", `url(#${HATCH_ID})`));
  });
  return layer;
}

function renderEstateList(map, layer, collection, panel, strings) {
  const list = document.getElementById("estate-list");
  if (!list) return;
  const paths = new Map();
  layer.eachLayer((path) => paths.set(path.feature.id ?? path.feature.properties.name, path));
  for (const feature of collection.features) {
    const path = paths.get(feature.id ?? feature.properties.name);
    const button = el("button", { type: "button", className: "link-button" }, feature.properties.name);
    button.addEventListener("click", () => {
      map.fitBounds(path.getBounds(), { maxZoom: 15 });
      panel.open([
        el("p", { className: "panel-kicker" }, strings.housingEstates),
        el("h2", { className: "panel-title" }, feature.properties.name),
        el("p", {}, strings.derivedEstate),
        feature.properties.derivation ? el("p", { className: "popup-source" }, feature.properties.derivation) : null,
      ]);
    });
    list.append(el("li", {}, button));
  }
}
