import { fetchJson } from "../shared/api.js";
import { Directory } from "./directory.js";
import { escapeHtml } from "../shared/dom.js";

/* global L */
// Entry point of the embeddable directory (/embed/): the Ortsteile as offline base, the directory
// with the filters fixed by the embed URL. No statistics layers.
const config = JSON.parse(document.getElementById("map-config").textContent);
const map = L.map("map", { center: config.center, zoom: config.zoom, minZoom: config.minZoom, maxZoom: config.maxZoom });
map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
const offlineBase = L.layerGroup().addTo(map);
const strings = config.directory.strings;
// The layer list renders its names as HTML: they are escaped.
const bases = { [escapeHtml(strings.baseOffline)]: offlineBase, [escapeHtml(strings.baseOsm)]: L.tileLayer(config.tiles.url, config.tiles.options) };
L.control.layers(bases, {}, { position: "topright" }).addTo(map);

const directory = new Directory(map, config.directory);
directory.load();

fetchJson(config.api.ortsteile)
  .then((collection) => {
    const outlines = L.geoJSON(collection, {
      interactive: false,
      style: () => ({ color: "#37474f", weight: 1.5, fillColor: "#eceff1", fillOpacity: 1 }),
    }).addTo(offlineBase);
    map.fitBounds(outlines.getBounds(), { padding: [10, 10] });
  })
  .catch((error) => console.warn("Ortsteile unavailable", error))
  .finally(() => {
    directory.restoreView();
    document.getElementById("map").dataset.ready = "true";
  });
