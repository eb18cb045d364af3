import { fetchJson } from "../shared/api.js";
import { addZoomControl } from "../shared/base-map.js";
import { el } from "../shared/dom.js";
import { fill } from "../shared/format.js";
import { StreetBase } from "../shared/street-base.js";
import { formatCoordinate, movePoint, readPoint } from "./pin-moves.js";

/* global L */
// "Lage setzen" (atlas/directory/placing/): the street map with the entry's pin. The pin can be
// dragged, put where the map is clicked, moved with the arrow keys once it has the focus (Shift: larger
// steps), or placed by typing the coordinates; every way fills the form's fields, which the server
// checks and saves. The planning area the address list gives is outlined for orientation.
// config: base_map() of common/basemap.py with {point: [lon, lat] | null, stepM, largeStepM, api, strings}.
const config = JSON.parse(document.getElementById("place-config").textContent);
const container = document.getElementById("place-map");
const status = document.getElementById("place-status");
const latInput = document.getElementById("id_lat");
const lonInput = document.getElementById("id_lon");

const map = L.map(container, {
  zoomControl: false,
  attributionControl: true,
  keyboard: true,
  minZoom: config.minZoom,
  maxZoom: config.maxZoom,
});
addZoomControl(map, config.controls);
const offline = L.layerGroup();
const base = new StreetBase(map, config, { offline });

// Where the pin starts: the coordinates in the form (sent back with an error), else the entry's point,
// else the middle of the map.
const typed = readPoint(latInput.value, lonInput.value);
const start = typed || (config.point ? { lat: config.point[1], lon: config.point[0] } : null);
const centre = start ? [start.lat, start.lon] : config.center;
map.setView(centre, start ? 17 : config.zoom);

const icon = L.divIcon({
  className: "place-pin",
  html: el("span", { className: "place-pin-head" }),
  iconSize: [30, 42],
  iconAnchor: [15, 42],
});
const pin = L.marker(centre, { draggable: true, keyboard: true, autoPan: true, icon, title: config.strings.pin }).addTo(map);
const pinElement = pin.getElement();
pinElement.setAttribute("aria-label", config.strings.pin);

function place(point, { pan = true, fields = true } = {}) {
  pin.setLatLng([point.lat, point.lon]);
  if (fields) {
    latInput.value = formatCoordinate(point.lat);
    lonInput.value = formatCoordinate(point.lon);
  }
  // Without animation: the map follows the pin at once (and moves no more than it must).
  if (pan) map.panInside([point.lat, point.lon], { padding: [40, 40], animate: false });
  status.textContent = fill(config.strings.moved, { lat: formatCoordinate(point.lat), lon: formatCoordinate(point.lon) });
}

function current() {
  const { lat, lng } = pin.getLatLng();
  return { lat, lon: lng };
}

pin.on("dragend", () => place(current(), { pan: false }));
map.on("click", (event) => place({ lat: event.latlng.lat, lon: event.latlng.lng }, { pan: false }));
pinElement.addEventListener("keydown", (event) => {
  const moved = movePoint(current(), event.key, event.shiftKey ? config.largeStepM : config.stepM);
  if (!moved) return;
  // The map would pan on the same keys: the pin moves instead, and the map follows it.
  event.preventDefault();
  event.stopPropagation();
  place(moved);
});
for (const input of [latInput, lonInput]) {
  input.addEventListener("change", () => {
    const point = readPoint(latInput.value, lonInput.value);
    if (point) place(point, { fields: false });
  });
}

async function drawAreas() {
  try {
    const collection = await fetchJson(config.api.ortsteile);
    L.geoJSON(collection, {
      interactive: false,
      style: () => ({ color: "#37474f", weight: 1, fillColor: "#f3f5f7", fillOpacity: 1 }),
    }).addTo(offline);
    base.creditOffline(collection.features.map((feature) => feature.properties.source).filter(Boolean));
  } catch (_error) {
    // the street map and the pin still work
  }
  if (!config.api.planningArea) return;
  try {
    const area = L.geoJSON(await fetchJson(config.api.planningArea), {
      interactive: false,
      style: () => ({ color: "#00587a", weight: 2, dashArray: "6 4", fillOpacity: 0.06 }),
    }).addTo(map);
    if (!start) map.fitBounds(area.getBounds());
  } catch (_error) {
    // no outline
  }
}

drawAreas().finally(() => {
  container.dataset.ready = "true";
});
