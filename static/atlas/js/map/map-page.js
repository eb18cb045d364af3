import { fetchJson } from "../shared/api.js";
import { loadSources, sourceAttribution } from "../shared/attribution.js";
import { colourFor, classify } from "../shared/indicator-classes.js";
import { Directory } from "../directory/directory.js";
import { el, escapeHtml } from "../shared/dom.js";
import { loadHousingEstates } from "../shared/housing-estates.js";
import { EventsLayer } from "../events/events-layer.js";
import { addFacilityLayer } from "./facilities-layer.js";
import { renderLegend } from "../shared/legend.js";
import { DetailPanel } from "./detail-panel.js";
import { initTabs } from "../shared/tabs.js";

/* global L */
// Entry point of the map page. Works without internet: the Ortsteile from our own database are the
// base layer; OpenStreetMap tiles are an optional base layer the user can switch on.
const config = JSON.parse(document.getElementById("map-config").textContent);
const strings = config.strings;
const panel = new DetailPanel(config);

const map = L.map("map", {
  center: config.center,
  zoom: config.zoom,
  minZoom: config.minZoom,
  maxZoom: config.maxZoom,
  zoomControl: true,
  attributionControl: true,
  keyboard: true,
});
map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
const renderer = L.svg({ padding: 0.5 });

const offlineBase = L.layerGroup();
const osmTiles = L.tileLayer(config.tiles.url, config.tiles.options);
offlineBase.addTo(map);
// The layer list renders its names as HTML: they are escaped (here and in addOverlay below).
const layerControl = L.control.layers(
  { [escapeHtml(strings.baseOffline)]: offlineBase, [escapeHtml(strings.baseOsm)]: osmTiles },
  {},
  // Open beside a wide map; on a phone it would cover most of it, so there it opens on demand.
  { collapsed: window.matchMedia("(max-width: 48rem)").matches, position: "topright" },
).addTo(map);

// The directory (organisations, meeting places) in its sidebar tab, loaded beside the base layers.
const directory = new Directory(map, config.directory);
const tabs = initTabs(document.querySelector(".map-controls .tabs"), (name) => directory.setTab(name, "ebenen"));
if (directory.state.tab) tabs.show(directory.state.tab);
directory.load();

// Upcoming events: calendar markers and a list in the "Ebenen" tab, loaded beside everything else.
const events = new EventsLayer(map, config);
events.load();

let planningAreaLayer = null;
let activeIndicator = null;
let estateLayer = null;

function indicatorByKey(key) {
  return config.indicators.find((indicator) => indicator.key === key) || null;
}

// Keyboard access to a polygon: focusable, labelled, Enter/Space opens the panel.
function makeFocusable(path, label, onActivate) {
  const element = path.getElement();
  if (!element) return;
  element.setAttribute("tabindex", "0");
  element.setAttribute("role", "button");
  element.setAttribute("aria-label", label);
  element.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onActivate();
    }
  });
}

function styleForPlanningArea(feature) {
  const value = activeIndicator ? feature.properties[activeIndicator.key] : null;
  return {
    color: "#555",
    weight: 1,
    fillOpacity: activeIndicator ? 0.75 : 0.05,
    fillColor: activeIndicator ? colourFor(value, activeIndicator) : "#888",
  };
}

function applyIndicator(key) {
  activeIndicator = indicatorByKey(key);
  const counts = { noData: 0 };
  if (planningAreaLayer) {
    planningAreaLayer.setStyle(styleForPlanningArea);
    planningAreaLayer.eachLayer((path) => {
      const feature = path.feature;
      const element = path.getElement();
      const value = activeIndicator ? feature.properties[activeIndicator.key] : null;
      if (element) element.dataset.fill = activeIndicator ? colourFor(value, activeIndicator) : "";
      if (!activeIndicator) return;
      const cls = classify(value, activeIndicator);
      const index = cls ? activeIndicator.classes.indexOf(cls) : "noData";
      counts[index] = (counts[index] || 0) + 1;
    });
  }
  renderLegend(document.getElementById("legend"), activeIndicator, strings, activeIndicator ? counts : null);
  document.getElementById("map").dataset.indicator = key || "";
}

async function loadOrtsteile(sources) {
  const collection = await fetchJson(config.api.ortsteile);
  const fill = L.geoJSON(collection, {
    renderer,
    style: () => ({ color: "#37474f", weight: 1, fillColor: "#eceff1", fillOpacity: 1 }),
    onEachFeature: (feature, path) => {
      path.on("click", () => panel.showOrtsteil(feature.properties));
    },
  });
  fill.addTo(offlineBase);
  // Outlines and names stay above the planning areas on both base layers.
  const outlines = L.geoJSON(collection, {
    renderer,
    interactive: false,
    style: () => ({ color: "#263238", weight: 3, fill: false, className: "ortsteil-outline" }),
    attribution: sourceAttribution(sources, collection.features.map((f) => f.properties.source).filter(Boolean)),
    onEachFeature: (feature, path) => {
      // A DOM node: Leaflet would put a string in as HTML, and the name is editable in the admin.
      path.bindTooltip(el("span", {}, feature.properties.name), { permanent: true, direction: "center", className: "ortsteil-label" });
    },
  });
  outlines.addTo(map);
  layerControl.addOverlay(outlines, escapeHtml(strings.ortsteil));
  return { fill, outlines };
}

async function loadPlanningAreas(sources) {
  const collection = await fetchJson(config.api.planningAreas);
  const keys = new Set();
  collection.features.forEach((f) => (f.properties.sources || []).forEach((key) => keys.add(key)));
  planningAreaLayer = L.geoJSON(collection, {
    renderer,
    style: styleForPlanningArea,
    attribution: sourceAttribution(sources, [...keys]),
    onEachFeature: (feature, path) => {
      const p = feature.properties;
      path.on("click", () => panel.showPlanningArea(p.key));
      path.bindTooltip(() => el("span", {}, `${p.name} (${p.ortsteil})`), { sticky: true });
      path.on("add", () => {
        makeFocusable(path, `${strings.planningArea} ${p.name}`, () => panel.showPlanningArea(p.key));
        path.getElement()?.setAttribute("data-planning-area", p.key);
      });
    },
  });
  planningAreaLayer.addTo(map);
  layerControl.addOverlay(planningAreaLayer, escapeHtml(strings.planningAreas));
  return planningAreaLayer;
}

async function start() {
  const sources = await loadSources(config.api.sources);
  const ortsteile = await loadOrtsteile(sources);
  map.fitBounds(ortsteile.fill.getBounds(), { padding: [10, 10] });
  directory.restoreView();
  await loadPlanningAreas(sources);
  ortsteile.outlines.bringToFront();

  const select = document.getElementById("indicator-select");
  select.addEventListener("change", () => applyIndicator(select.value));
  applyIndicator(select.value);

  try {
    estateLayer = await loadHousingEstates(map, config, renderer, panel);
    const toggle = document.getElementById("toggle-estates");
    const sync = () => (toggle.checked ? estateLayer.addTo(map) : estateLayer.remove());
    toggle.addEventListener("change", sync);
    sync();
  } catch (error) {
    console.warn("housing estates unavailable", error);
  }
  const facilities = await addFacilityLayer(map, config, panel);
  layerControl.addOverlay(facilities, escapeHtml(strings.facilities));
  document.getElementById("map").dataset.ready = "true";
}

start().catch((error) => {
  const container = document.getElementById("legend");
  container.append(el("p", { className: "error", role: "alert" }, `${strings.loadError} ${error.message}`));
});
