import { fetchJson } from "../shared/api.js";
import { BaseMap } from "../shared/base-map.js";
import { colourFor, classify } from "../shared/indicator-classes.js";
import { Directory } from "../directory/directory.js";
import { el } from "../shared/dom.js";
import { loadHousingEstates } from "../shared/housing-estates.js";
import { EventsLayer } from "../events/events-layer.js";
import { addFacilityLayer } from "./facilities-layer.js";
import { renderLegend } from "../shared/legend.js";
import { DetailPanel } from "./detail-panel.js";
import { initTabs } from "../shared/tabs.js";

/* global L */
// Entry point of the map page: the base map (shared/base-map.js) with the planning areas' figures,
// the directory, the events, the housing estates and the facilities above it.
const config = JSON.parse(document.getElementById("map-config").textContent);
const strings = config.strings;
const panel = new DetailPanel(config);

const base = new BaseMap("map", config, {
  // Open beside a wide map; on a phone it would cover most of it, so there it opens on demand.
  collapsed: window.matchMedia("(max-width: 48rem)").matches,
});
const map = base.map;
const renderer = L.svg({ padding: 0.5 });

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

async function loadOrtsteile() {
  const collection = await fetchJson(config.api.ortsteile);
  const fill = base.addOrtsteilFill(collection, { renderer, onClick: (properties) => panel.showOrtsteil(properties) });
  // Outlines and names stay above the planning areas on both base layers.
  const outlines = base.ortsteilOutlines(collection, { renderer });
  outlines.addTo(map);
  base.addOverlay(outlines, strings.ortsteil);
  return { fill, outlines };
}

async function loadPlanningAreas() {
  const collection = await fetchJson(config.api.planningAreas);
  planningAreaLayer = L.geoJSON(collection, {
    renderer,
    style: styleForPlanningArea,
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
  base.addOverlay(planningAreaLayer, strings.planningAreas);
  return planningAreaLayer;
}

async function start() {
  const ortsteile = await loadOrtsteile();
  map.fitBounds(ortsteile.fill.getBounds(), { padding: [10, 10] });
  directory.restoreView();
  await loadPlanningAreas();
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
  const facilities = await addFacilityLayer(map, config);
  base.addOverlay(facilities, strings.facilities);
  document.getElementById("map").dataset.ready = "true";
}

start().catch((error) => {
  const container = document.getElementById("legend");
  container.append(el("p", { className: "error", role: "alert" }, `${strings.loadError} ${error.message}`));
});
