import { el, escapeHtml } from "./dom.js";
import { StreetBase } from "./street-base.js";

/* global L */
// The base map of the map page, the planner and the embed: the street map by default, the Ortsteile
// from our own database as the offline base (shared/street-base.js chooses, falls back and credits).
// config: base_map() of common/basemap.py ({center, zoom, minZoom, maxZoom, tiles, base, sources, controls}).
// Layers added above carry no attribution option: the map shows one short line, the sources are
// listed on /quellen/ and in the side panel.
export const ORTSTEIL_FILL = { color: "#37474f", weight: 1, fillColor: "#eceff1", fillOpacity: 1 };
export const ORTSTEIL_OUTLINE = { color: "#263238", weight: 3, fill: false, className: "ortsteil-outline" };

// Leaflet's zoom buttons, titled (tooltip and accessible name) in the page's language when the server
// sent controls: {zoomIn, zoomOut}.
export function addZoomControl(map, controls = {}) {
  const titles = {};
  if (controls.zoomIn) titles.zoomInTitle = controls.zoomIn;
  if (controls.zoomOut) titles.zoomOutTitle = controls.zoomOut;
  return L.control.zoom(titles).addTo(map);
}

export class BaseMap {
  // collapsed: whether the layer list opens only on demand; newTab: links open a new tab (embed).
  constructor(container, config, { collapsed = true, newTab = false } = {}) {
    this.map = L.map(container, {
      center: config.center,
      zoom: config.zoom,
      minZoom: config.minZoom,
      maxZoom: config.maxZoom,
      zoomControl: false,
      attributionControl: true,
      keyboard: true,
    });
    addZoomControl(this.map, config.controls);
    this.offline = L.layerGroup();
    this.layers = L.control.layers({}, {}, { collapsed, position: "topright" }).addTo(this.map);
    this.base = new StreetBase(this.map, config, { offline: this.offline, layers: this.layers, newTab });
  }

  addOverlay(layer, name) {
    this.layers.addOverlay(layer, escapeHtml(name));
  }

  // The Ortsteile's fills, drawn into the offline base layer. onClick(properties) makes them clickable.
  addOrtsteilFill(collection, { renderer, weight = ORTSTEIL_FILL.weight, onClick = null } = {}) {
    const options = { interactive: Boolean(onClick), style: () => ({ ...ORTSTEIL_FILL, weight }) };
    if (renderer) options.renderer = renderer;
    if (onClick) options.onEachFeature = (feature, path) => path.on("click", () => onClick(feature.properties));
    this.base.creditOffline(collection.features.map((feature) => feature.properties.source).filter(Boolean));
    return L.geoJSON(collection, options).addTo(this.offline);
  }

  // Outlines and names of the Ortsteile, meant to stay above everything on both base layers; not yet
  // on the map.
  ortsteilOutlines(collection, { renderer } = {}) {
    const options = {
      interactive: false,
      style: () => ({ ...ORTSTEIL_OUTLINE }),
      onEachFeature: (feature, path) => {
        // A DOM node: Leaflet would put a string in as HTML, and the name is editable in the admin.
        path.bindTooltip(el("span", {}, feature.properties.name), { permanent: true, direction: "center", className: "ortsteil-label" });
      },
    };
    if (renderer) options.renderer = renderer;
    return L.geoJSON(collection, options);
  }
}
