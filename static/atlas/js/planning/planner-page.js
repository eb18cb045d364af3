import { fetchJson } from "../shared/api.js";
import { BaseMap } from "../shared/base-map.js";
import { el } from "../shared/dom.js";
import { fill, formatInteger, pageLocale } from "../shared/format.js";
import { loadHousingEstates } from "../shared/housing-estates.js";
import { renderLegend } from "../shared/legend.js";
import { addressQuery, colourChoice, coverageRows, gapClassColour, indicatorColours, parameterQuery } from "./planner-state.js";
import { RankedList } from "./ranked-list.js";
import { SupplyLayer } from "./supply-layer.js";
import { WhatIf } from "./what-if.js";
import { TransitLayer } from "../map/transit-layer.js";

/* global L */
// Entry point of the planner view (/planung/): the gap score per planning area as a choropleth
// (class 5 = largest gap), the housing estates, organisations and meeting places (clustered) and the
// stations above it, the ranked list beside it, parameters that refetch /api/coverage/, and what-if
// meeting places posted to /api/coverage/what-if/. A click on a planning area opens its figures and
// rings the entries its catchment counts; with "Klick setzt einen Treffpunkt" it places a what-if point.
const config = JSON.parse(document.getElementById("planner-config").textContent);
const strings = config.strings;
const mapElement = document.getElementById("map");
const status = document.getElementById("planner-status");
const whatIfStatus = document.getElementById("whatif-status");
const form = document.getElementById("planner-params");

// The sources of the gap score are listed in the side panel ("Quellen") and on /quellen/.
const base = new BaseMap("map", config);
const map = base.map;
// The district fills the map: quarter zoom steps. Markers above the Ortsteil names (permanent tooltips,
// 650): the supply is what a planner looks for here.
L.Util.setOptions(map, { zoomSnap: 0.25 });
map.getPane("markerPane").style.zIndex = "655";
const renderer = L.svg({ padding: 0.5 });

const legendIndicator = {
  label: strings.legendTitle,
  source_note: strings.legendSource,
  classes: config.classes.map((cls) => ({ colour: cls.colour, label: cls.label })),
};
const classColour = (value) => gapClassColour(config.classes, value);
// "Karte färben nach": the gap classes (null) or one of the page's indicators (ÖPNV-Anbindung …).
const indicators = config.indicators || [];
const colourSelect = document.getElementById("planner-colour");
let activeIndicator = null;

const state = { coverage: null, whatIf: null, generation: 0 };
let areaLayer = null;
const paths = new Map();

// -- parameters ------------------------------------------------------------------------------------

function parameters() {
  const data = new FormData(form);
  return {
    catchment: Number(data.get("catchment")),
    need: data.get("need"),
    mss_weight: Number(data.get("mss_weight")),
    supply_types: data.getAll("supply_types").join(","),
  };
}

// Parameters in the address (not the what-if points: nothing is kept), so a view can be shared.
function restoreParameters() {
  const search = new URLSearchParams(window.location.search);
  if (search.has("catchment")) form.elements.catchment.value = search.get("catchment");
  if (search.has("need")) form.querySelectorAll('[name="need"]').forEach((radio) => (radio.checked = radio.value === search.get("need")));
  if (search.has("mss_weight")) form.elements.mss_weight.value = search.get("mss_weight");
  const types = (search.get("supply_types") || "").split(",").filter(Boolean);
  form.querySelectorAll('[name="supply_types"]').forEach((box) => (box.checked = types.includes(box.value)));
  syncMssOutput();
  colourSelect.value = colourChoice(search, indicators);
  activeIndicator = indicators.find((indicator) => indicator.key === colourSelect.value) || null;
}

function writeAddress() {
  const search = addressQuery(parameterQuery(parameters(), config.defaults), activeIndicator?.key || "");
  history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`);
}

function syncMssOutput() {
  document.getElementById("param-mss-value").textContent = new Intl.NumberFormat(pageLocale, {
    minimumFractionDigits: 2,
  }).format(Number(form.elements.mss_weight.value));
}

// -- drawing ---------------------------------------------------------------------------------------

// Colours the planning areas by the gap classes (after the what-if points) or by the chosen indicator,
// and writes the matching legend.
function recolour(current) {
  const gapCounts = {};
  const byIndicator = activeIndicator ? indicatorColours(activeIndicator, current.map((row) => row.key)) : null;
  for (const row of current) {
    const cls = row.after ? row.after.class : row.class;
    const rank = row.after ? row.after.rank : row.rank;
    gapCounts[cls - 1] = (gapCounts[cls - 1] || 0) + 1;
    const path = paths.get(row.key);
    if (!path) continue;
    const colour = byIndicator ? byIndicator.colours.get(row.key) : classColour(cls);
    path.setStyle({ fillColor: colour });
    path.feature.properties = { ...path.feature.properties, rank, class: cls };
    const element = path.getElement();
    if (element) {
      element.dataset.rank = String(rank);
      element.dataset.gapClass = String(cls);
      element.dataset.fill = colour;
    }
  }
  const legend = document.getElementById("planner-legend");
  if (byIndicator) renderLegend(legend, activeIndicator, strings, byIndicator.counts);
  else renderLegend(legend, legendIndicator, strings, { ...gapCounts, noData: 0 });
  mapElement.dataset.colour = activeIndicator?.key || "gap";
}

function redraw() {
  const current = coverageRows(state.coverage, state.whatIf);
  recolour(current);
  list.render(current, parameterQuery(parameters(), config.defaults));
}

// The tooltip of a planning area: its rank and class, or its value of the indicator the map shows.
function tooltipText(properties) {
  if (!activeIndicator) return fill(strings.tooltip, { name: properties.name, rank: properties.rank, cls: properties.class });
  const value = activeIndicator.values?.[properties.key];
  const text = value === null || value === undefined ? strings.noData : `${formatInteger(value)} ${activeIndicator.unit}`.trim();
  return fill(strings.tooltipIndicator, { name: properties.name, label: activeIndicator.label, value: text });
}

function drawAreas(collection) {
  areaLayer = L.geoJSON(collection, {
    renderer,
    style: () => ({ color: "#37474f", weight: 1, fillOpacity: 0.8 }),
    onEachFeature: (feature, path) => {
      const key = feature.properties.key;
      paths.set(key, path);
      path.bindTooltip(() => el("span", {}, tooltipText(path.feature.properties)), { sticky: true });
      path.on("click", (event) => {
        L.DomEvent.stopPropagation(event);
        if (whatIf.clickEnabled) whatIf.add(event.latlng.lng, event.latlng.lat, key);
        else list.expand(key);
      });
      path.on("add", () => path.getElement()?.setAttribute("data-planning-area", key));
    },
  });
  areaLayer.addTo(map);
}

async function loadOrtsteile() {
  const collection = await fetchJson(config.api.ortsteile);
  base.addOrtsteilFill(collection, { renderer });
  const outlines = base.ortsteilOutlines(collection, { renderer });
  base.addOverlay(outlines, strings.ortsteilLayer);
  return outlines;
}

// -- loading ---------------------------------------------------------------------------------------

function announce(text) {
  whatIfStatus.textContent = text;
}

async function refresh() {
  const generation = ++state.generation;
  const params = parameters();
  const search = parameterQuery(params, config.defaults);
  const url = `${config.api.coverage}${search ? `?${search}` : ""}`;
  mapElement.dataset.ready = "loading";
  status.textContent = strings.loading;
  writeAddress();
  document.getElementById("planner-csv").href = `${config.api.coverageCsv}${search ? `?${search}` : ""}`;
  document.getElementById("planner-excel").href = `${config.api.coverage}?format=excel${search ? `&${search}` : ""}`;
  document.getElementById("planner-geojson").href = `${config.api.coverage}?format=geojson${search ? `&${search}` : ""}`;
  try {
    const [coverage, whatIfAnswer] = await Promise.all([fetchJson(url), whatIf.compute(params)]);
    if (generation !== state.generation) return;
    state.coverage = coverage;
    state.whatIf = whatIfAnswer;
    if (!areaLayer) drawAreas(coverage);
    redraw();
    status.textContent = fill(strings.updated, { count: coverage.features.length, catchment: coverage.parameters.catchment });
    if (whatIfAnswer) announce(fill(strings.whatIfUpdated, { count: whatIfAnswer.points.length }));
    mapElement.dataset.ready = "true";
    mapElement.dataset.catchment = String(coverage.parameters.catchment);
    mapElement.dataset.need = coverage.parameters.need;
    mapElement.dataset.points = String(whatIfAnswer ? whatIfAnswer.points.length : 0);
  } catch (error) {
    if (generation !== state.generation) return;
    status.textContent = `${strings.loadError} ${error.message}`;
    mapElement.dataset.ready = "error";
  }
}

let timer = null;
function scheduleRefresh() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 120);
}

const supply = new SupplyLayer(map, config.directory);
const list = new RankedList(config, {
  onPlaceAt: (key) => whatIf.addAtArea(key),
  onFigures: (key, answer) => {
    supply.showCounted(key, answer);
    if (answer) outlineArea(key);
    else if (key === outlined) outlineArea(null);
  },
});

// The planning area whose catchment is ringed, outlined thick.
let outlined = null;
function outlineArea(key) {
  if (outlined && outlined !== key) paths.get(outlined)?.setStyle({ weight: 1, color: "#37474f" });
  outlined = key;
  const path = key ? paths.get(key) : null;
  if (path) {
    path.setStyle({ weight: 4, color: "#1b1f23" });
    path.bringToFront();
  }
}
const whatIf = new WhatIf(map, config, { onChange: scheduleRefresh, announce });

map.on("click", (event) => {
  // A click on a marker is the marker's (its popup), not a place outside the planning areas.
  if (event.originalEvent?.target?.closest?.(".leaflet-marker-icon, .dir-marker")) return;
  if (whatIf.clickEnabled) announce(strings.outside);
});
form.addEventListener("change", scheduleRefresh);
form.addEventListener("submit", (event) => event.preventDefault());
// Recolouring needs no new figures: the indicators' values came with the page.
colourSelect.addEventListener("change", () => {
  activeIndicator = indicators.find((indicator) => indicator.key === colourSelect.value) || null;
  writeAddress();
  if (state.coverage) recolour(coverageRows(state.coverage, state.whatIf));
});
form.elements.mss_weight.addEventListener("input", syncMssOutput);

// Organisations and meeting places over the gaps, each kind behind its checkbox; stations from zoom 11
// (the district), all stops from street zoom, as on the residents' map.
async function loadSupply() {
  supply.bindToggle("organisation", document.getElementById("toggle-organisations"));
  supply.bindToggle("place", document.getElementById("toggle-places"));
  try {
    mapElement.dataset.supply = String(await supply.load());
  } catch (error) {
    console.warn("organisations and meeting places unavailable", error);
  }
  if (config.transit) {
    const transit = new TransitLayer(map, { ...config.transit, minZoom: { ...config.transit.minZoom, rapidTransit: 11 } });
    const toggle = document.getElementById("toggle-transit");
    transit.setVisible(toggle.checked);
    toggle.addEventListener("change", () => transit.setVisible(toggle.checked));
  }
}

async function start() {
  restoreParameters();
  const outlines = await loadOrtsteile();
  map.fitBounds(outlines.getBounds(), { padding: [10, 10] });
  await refresh();
  outlines.addTo(map);
  await loadSupply();
  try {
    const estates = await loadHousingEstates(map, config, renderer, null);
    const toggle = document.getElementById("toggle-estates");
    const sync = () => (toggle.checked ? estates.addTo(map) : estates.remove());
    toggle.addEventListener("change", sync);
    sync();
    base.addOverlay(estates, strings.housingEstates);
  } catch (error) {
    console.warn("housing estates unavailable", error);
  }
}

start().catch((error) => {
  status.textContent = `${strings.loadError} ${error.message}`;
});
