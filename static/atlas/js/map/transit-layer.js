import { fetchJson } from "../shared/api.js";
import { el } from "../shared/dom.js";
import { addSummaryPart } from "../directory/result-summary.js";
import { showNearestStopsInPopups, stopSymbol, stopsSummaryPart } from "./nearest-stops.js";
import { minZoomOf, modeText, stopsInView, symbolSigns, toStop } from "./transit-stops.js";

/* global L */
// The public-transport stops of the map page: small station symbols at street zoom (S-Bahn and U-Bahn
// from zoom 13, all stops from 15), drawn only where the map shows them, with name and modes as a
// tooltip (DOM text). The symbols stay out of the tab order: the nearest stops of every entry are listed
// on its page and in its popup instead. Loaded on the first zoom that shows any stop.
const PANE = "transitStops"; // above the planning areas (overlayPane, 400), below the markers (600)

export class TransitLayer {
  constructor(map, transit) {
    this.map = map;
    this.transit = transit;
    this.group = L.layerGroup();
    this.markers = new Map(); // stop id → marker
    this.stops = null;
    this.loading = null;
    this.redraw = () => this.update();
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = 450;
  }

  setVisible(visible) {
    if (visible && !this.map.hasLayer(this.group)) {
      this.group.addTo(this.map);
      this.map.on("moveend", this.redraw);
      this.update();
    } else if (!visible && this.map.hasLayer(this.group)) {
      this.map.off("moveend", this.redraw);
      this.group.remove();
    }
  }

  load() {
    if (!this.loading) {
      this.loading = fetchJson(this.transit.api).then((collection) => (collection.features || []).map(toStop));
      this.loading.catch(() => (this.loading = null)); // tried again on the next move
    }
    return this.loading;
  }

  async update() {
    const minZoom = this.transit.minZoom;
    const zoom = this.map.getZoom();
    if (zoom >= Math.min(minZoom.rapidTransit, minZoom.other) && !this.stops) {
      try {
        this.stops = await this.load();
      } catch (error) {
        console.warn("transit stops unavailable", error);
        return;
      }
    }
    if (!this.map.hasLayer(this.group)) return;
    const bounds = this.map.getBounds().pad(0.25);
    const view = { west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth() };
    const shown = new Set(stopsInView(this.stops || [], view, this.map.getZoom(), minZoom).map((stop) => stop.id));
    for (const [id, marker] of this.markers) {
      if (!shown.has(id)) {
        this.group.removeLayer(marker);
        this.markers.delete(id);
      }
    }
    for (const stop of this.stops || []) {
      if (shown.has(stop.id) && !this.markers.has(stop.id)) {
        const marker = this.marker(stop, minZoom);
        this.markers.set(stop.id, marker);
        this.group.addLayer(marker);
      }
    }
    this.map.getContainer().dataset.transitStops = String(this.markers.size);
  }

  marker(stop, minZoom) {
    const signs = symbolSigns(stop.modes);
    const symbol = stopSymbol(stop.modes);
    const marker = L.marker([stop.lat, stop.lon], {
      icon: L.divIcon({ html: symbol, className: "transit-stop", iconSize: [14 * signs.length + 2, 16] }),
      pane: PANE,
      keyboard: false,
      // Stations of the lower zoom above the bus stops where they overlap.
      zIndexOffset: minZoomOf(stop, minZoom) < minZoom.other ? 100 : 0,
    });
    const modes = modeText(stop.modes, this.transit.modes);
    marker.bindTooltip(el("span", { className: "transit-tooltip" }, el("strong", {}, el("bdi", { lang: "de" }, stop.name)), modes ? ` · ${modes}` : ""), {
      direction: "top",
      offset: [0, -8],
    });
    marker.on("add", () => marker.getElement()?.setAttribute("data-stop", stop.id));
    return marker;
  }
}

// The layer with its checkbox in the layers panel (#toggle-transit, on by default) and the nearest
// stops in the entries' popups: what the map page calls.
let summaryPartAdded = false;

export function addTransitLayer(map, config) {
  if (!config.transit) return null;
  const layer = new TransitLayer(map, config.transit);
  const toggle = document.getElementById("toggle-transit");
  layer.setVisible(toggle ? toggle.checked : true);
  toggle?.addEventListener("change", () => layer.setVisible(toggle.checked));
  showNearestStopsInPopups(map, config);
  if (!summaryPartAdded) addSummaryPart((entry, _directoryConfig, options) => stopsSummaryPart(entry, config.transit, options));
  summaryPartAdded = true;
  return layer;
}
