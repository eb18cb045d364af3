import { el, escapeHtml } from "./dom.js";

/* global L */
// The base map of the map page, the planner and the embed. It works without internet: the Ortsteile
// from our own database are the default base layer; OpenStreetMap tiles are a base layer the user
// can switch on. config: {center, zoom, minZoom, maxZoom, tiles: {url, options}} from the server;
// strings: {baseOffline, baseOsm} names of the two base layers in the layer list.
export const LEAFLET_LINK = '<a href="https://leafletjs.com">Leaflet</a>';
// In an embed the page around it stays: the link opens a new tab.
export const LEAFLET_LINK_NEW_TAB = '<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>';

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
  // collapsed: whether the layer list opens only on demand; prefix: the attribution prefix (HTML).
  constructor(container, config, strings, { collapsed = true, prefix = LEAFLET_LINK } = {}) {
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
    this.map.attributionControl.setPrefix(prefix);
    this.offline = L.layerGroup().addTo(this.map);
    this.tiles = L.tileLayer(config.tiles.url, config.tiles.options);
    // The layer list renders its names as HTML: they are escaped (here and in addOverlay).
    this.layers = L.control.layers(
      { [escapeHtml(strings.baseOffline)]: this.offline, [escapeHtml(strings.baseOsm)]: this.tiles },
      {},
      { collapsed, position: "topright" },
    ).addTo(this.map);
  }

  addOverlay(layer, name) {
    this.layers.addOverlay(layer, escapeHtml(name));
  }

  // The Ortsteile's fills, drawn into the offline base layer. onClick(properties) makes them clickable.
  addOrtsteilFill(collection, { renderer, weight = ORTSTEIL_FILL.weight, onClick = null } = {}) {
    const options = { interactive: Boolean(onClick), style: () => ({ ...ORTSTEIL_FILL, weight }) };
    if (renderer) options.renderer = renderer;
    if (onClick) options.onEachFeature = (feature, path) => path.on("click", () => onClick(feature.properties));
    return L.geoJSON(collection, options).addTo(this.offline);
  }

  // Outlines and names of the Ortsteile, meant to stay above everything on both base layers; not yet
  // on the map. attribution: HTML (escaped by the caller) credited while the layer is shown.
  ortsteilOutlines(collection, { renderer, attribution } = {}) {
    const options = {
      interactive: false,
      style: () => ({ ...ORTSTEIL_OUTLINE }),
      onEachFeature: (feature, path) => {
        // A DOM node: Leaflet would put a string in as HTML, and the name is editable in the admin.
        path.bindTooltip(el("span", {}, feature.properties.name), { permanent: true, direction: "center", className: "ortsteil-label" });
      },
    };
    if (renderer) options.renderer = renderer;
    if (attribution) options.attribution = attribution;
    return L.geoJSON(collection, options);
  }
}
