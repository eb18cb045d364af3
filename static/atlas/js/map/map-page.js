import { fetchJson } from "../shared/api.js";
import { BaseMap } from "../shared/base-map.js";
import { colourFor, classify } from "../shared/indicator-classes.js";
import { Directory } from "../directory/directory.js";
import { writeState } from "../directory/url-state.js";
import { el } from "../shared/dom.js";
import { loadHousingEstates } from "../shared/housing-estates.js";
import { EventsLayer } from "../events/events-layer.js";
import { addFacilityLayer } from "./facilities-layer.js";
import { addTransitLayer } from "./transit-layer.js";
import { renderLegend } from "../shared/legend.js";
import { DetailPanel } from "./detail-panel.js";
import { HomeView } from "./home-view.js";
import { OrtsteilLabels } from "./ortsteil-labels.js";
import { initTabs } from "../shared/tabs.js";

/* global L */
// Entry point of the map page, the residents' home: the directory first (search, list, markers), and
// the base map (shared/base-map.js) with the events, the housing estates, the facilities and, when
// chosen in the "Ebenen" tab, the planning areas' figures.
const config = JSON.parse(document.getElementById("map-config").textContent);
const strings = config.strings;
const panel = new DetailPanel(config);
const DEFAULT_TAB = "verzeichnis";
// The district fills the map on any screen: eighth zoom steps (the fit takes at least 92 % of the map), a small margin.
const ZOOM_SNAP = 0.125;
const DISTRICT_PADDING = [6, 6];

const base = new BaseMap("map", config, {
  // Open beside a wide map; on a phone it would cover most of it, so there it opens on demand.
  collapsed: window.matchMedia("(max-width: 48rem)").matches,
});
const map = base.map;
L.Util.setOptions(map, { zoomSnap: ZOOM_SNAP });
// Keyboard users meet the zoom buttons and the layer list before the markers, not after them.
map.getContainer().prepend(map.getContainer().querySelector(".leaflet-control-container"));
const renderer = L.svg({ padding: 0.5 });

// The directory (organisations, meeting places) in its sidebar tab, loaded beside the base layers.
const directory = new Directory(map, config.directory);
const tabs = initTabs(document.querySelector(".map-controls .tabs"), (name) => directory.setTab(name, DEFAULT_TAB));
if (directory.state.tab) tabs.show(directory.state.tab);
directory.load();

new HomeView(document.querySelector(".home-layout"), map, {
  showTab(name) {
    tabs.show(name);
    directory.setTab(name, DEFAULT_TAB);
  },
});

// Upcoming events: calendar markers and a list in the "Ebenen" tab, loaded beside everything else.
const events = new EventsLayer(map, config);
events.load();

// Bus and train stops at street zoom, and the nearest stops in the entries' popups.
addTransitLayer(map, config);

let planningAreaLayer = null;
let activeIndicator = null;
let estateLayer = null;

function indicatorByKey(key) {
  return config.indicators.find((indicator) => indicator.key === key) || null;
}

// The district fitted to the map by the page itself, until a person moves the map: then it stays
// where they put it. Fitted views are not written into the address (directory.automaticView).
let district = null;
let fitted = null;
let fitting = false;

function fitDistrict() {
  if (!district || !map.getSize().x) return;
  fitting = true;
  map.fitBounds(district, { padding: DISTRICT_PADDING, animate: false });
  fitting = false;
  fitted = { zoom: map.getZoom(), centre: map.getCenter() };
}

function stillFitted() {
  if (!fitted || map.getZoom() !== fitted.zoom) return false;
  return map.latLngToContainerPoint(fitted.centre).distanceTo(map.getSize().divideBy(2)) < 2;
}

directory.automaticView = () => fitting || stillFitted();
// A resized window (or a phone turned) fits the district again, unless the map was moved.
map.on("resize", () => {
  if (stillFitted()) fitDistrict();
});

function styleForPlanningArea(feature) {
  const value = activeIndicator ? feature.properties[activeIndicator.key] : null;
  // Without colouring the planning areas stay clickable but faint: the streets and entries come first.
  return {
    color: "#555",
    weight: 1,
    opacity: activeIndicator ? 1 : 0.35,
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
      // Clickable, but not in the tab order: the table of planning areas and the lists offer them.
      path.on("add", () => path.getElement()?.setAttribute("data-planning-area", p.key));
    },
  });
  planningAreaLayer.addTo(map);
  base.addOverlay(planningAreaLayer, strings.planningAreas);
  return planningAreaLayer;
}

async function start() {
  const ortsteile = await loadOrtsteile();
  district = ortsteile.fill.getBounds();
  fitDistrict();
  directory.restoreView();
  new OrtsteilLabels(map, ortsteile.outlines);
  await loadPlanningAreas();
  ortsteile.outlines.bringToFront();

  // No statistics colouring unless chosen (residents come for help, planners have /planung/); the
  // choice is kept in the address.
  const select = document.getElementById("indicator-select");
  if (indicatorByKey(directory.state.indicator)) select.value = directory.state.indicator;
  select.addEventListener("change", () => {
    applyIndicator(select.value);
    directory.state.indicator = activeIndicator ? activeIndicator.key : "";
    writeState(directory.state);
  });
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
  // Above both tabs, so it is seen whichever is open.
  const container = document.querySelector(".map-controls .tabs");
  container.before(el("p", { className: "error", role: "alert" }, `${strings.loadError} ${error.message}`));
});
