import { clusterIcon } from "../shared/cluster-icon.js";
import { el } from "../shared/dom.js";
import { categoryColour, kindLabel, markerKey } from "./entries.js";
import { popupContent } from "./entry-popup.js";

/* global L */
// The directory on the map: organisations as circles in the colour of their main field of activity,
// meeting places as dark diamonds; each kind in its own cluster so it can be switched off. A cluster
// shows its number and is announced as "6 entries – zoom in" (strings.clusterEntries).
// The markers come from the map layer (every match as a slim point, entries.js toMapPoint); a
// marker's popup shows the entry from the list when the list has it, else asks `describe(point)`.
const CIRCLE_PANE = "directoryCircles";

export class DirectoryLayers {
  constructor(map, config, onSelect, describe) {
    this.map = map;
    this.config = config;
    this.onSelect = onSelect;
    this.describe = describe;
    this.markers = new Map();
    this.entries = new Map(); // markerKey → entry as the list shows it, for popups
    this.adding = Promise.resolve();
    this.generation = 0;
    this.finish = {}; // kind → resolves when the markers being added in chunks are all in
    const options = { showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true };
    const progress = (kind) => (processed, total) => {
      if (processed >= total) this.finish[kind]?.();
    };
    this.clusters = {
      organisation: L.markerClusterGroup({ ...options, iconCreateFunction: this.clusterIcon("organisation"), chunkProgress: progress("organisation") }),
      place: L.markerClusterGroup({ ...options, iconCreateFunction: this.clusterIcon("place"), chunkProgress: progress("place") }),
    };
    this.origin = L.layerGroup().addTo(map);
    this.routeOrigin = null; // {lat, lon} of "near", where the popups' walking directions start
    // Organisations' circles above every area drawn in the overlay pane (400), whichever renderer came
    // first, and below the markers' pane (600): else an area could take their clicks.
    if (!map.getPane(CIRCLE_PANE)) map.createPane(CIRCLE_PANE).style.zIndex = "450";
  }

  clusterIcon(kind) {
    return clusterIcon(this.config.strings.clusterEntries, { className: `dir-cluster ${kind}-cluster` });
  }

  setVisible(kind, visible) {
    const cluster = this.clusters[kind];
    if (visible && !this.map.hasLayer(cluster)) this.map.addLayer(cluster);
    if (!visible && this.map.hasLayer(cluster)) this.map.removeLayer(cluster);
  }

  markerFor(point) {
    let marker;
    if (point.kind === "organisation") {
      marker = L.circleMarker(point.latlng, {
        radius: 8,
        weight: 2,
        color: "#fff",
        fillColor: categoryColour(point, this.config),
        fillOpacity: 0.95,
        className: "dir-marker org-marker",
        pane: CIRCLE_PANE,
      });
    } else {
      marker = L.marker(point.latlng, {
        icon: L.divIcon({ className: "dir-marker place-marker", iconSize: [14, 14] }),
        // The map layer has no names: the kind of place until the popup shows the entry.
        title: kindLabel(point, this.config),
        keyboard: true,
      });
    }
    const key = markerKey(point);
    marker.bindPopup(() => this.popupFor(point, marker), { maxWidth: 280 });
    marker.on("click", () => this.onSelect(key));
    marker.on("add", () => marker.getElement()?.setAttribute("data-key", key));
    return marker;
  }

  content(entry) {
    return popupContent(entry, this.config, { origin: this.routeOrigin });
  }

  // The entry's popup when the list has it; else "loading" until `describe` brings it.
  popupFor(point, marker) {
    const entry = this.entries.get(markerKey(point));
    if (entry) return this.content(entry);
    const s = this.config.strings;
    this.describe(point).then(
      (found) => {
        this.entries.set(markerKey(point), found);
        marker.setPopupContent(this.content(found));
      },
      (error) => marker.setPopupContent(el("div", { className: "popup error" }, `${s.loadError} ${error.message}`.trim())),
    );
    return el("div", { className: "popup entry-popup", "aria-busy": "true" }, s.loading);
  }

  // Entries the list has loaded, so their popups need no request; forget() when the filters change.
  remember(entries) {
    for (const entry of entries) this.entries.set(markerKey(entry), entry);
  }

  forget() {
    this.entries.clear();
  }

  // All points of the map layer, replacing the ones before; resolves when they are on the map.
  // Marker clusters add them in chunks (the page stays responsive) and cannot stop half-way, so a
  // new set waits for the one before; a set overtaken by a newer one meanwhile is skipped.
  setPoints(points) {
    const generation = ++this.generation;
    this.adding = this.adding.then(() => (generation === this.generation ? this.replace(points) : null));
    return this.adding;
  }

  async replace(points) {
    this.markers.clear();
    const byKind = { organisation: [], place: [] };
    for (const point of points) {
      const marker = this.markerFor(point);
      this.markers.set(markerKey(point), marker);
      byKind[point.kind].push(marker);
    }
    await Promise.all(Object.entries(byKind).map(([kind, markers]) => this.addChunked(kind, markers)));
  }

  addChunked(kind, markers) {
    const cluster = this.clusters[kind];
    cluster.clearLayers();
    // Off the map, or nothing to add: markercluster adds at once and reports no progress.
    if (!markers.length || !this.map.hasLayer(cluster)) {
      cluster.addLayers(markers);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.finish[kind] = () => {
        this.finish[kind] = null;
        resolve();
      };
      cluster.addLayers(markers);
    });
  }

  // Zooms until the entry's marker is out of its cluster, then opens its popup.
  show(entry) {
    const marker = this.markers.get(markerKey(entry));
    if (!marker) return;
    this.entries.set(markerKey(entry), entry);
    const cluster = this.clusters[entry.kind];
    if (this.map.hasLayer(cluster)) {
      cluster.zoomToShowLayer(marker, () => marker.openPopup());
      return;
    }
    // The layer is switched off: a free popup at the place, the layer stays off.
    this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), 16));
    const content = this.content(entry);
    L.popup({ maxWidth: 280 }).setLatLng(marker.getLatLng()).setContent(content).openOn(this.map);
  }

  // The search point of "near" and, if any, the radius around it.
  setOrigin(near, radius, label) {
    this.origin.clearLayers();
    if (!near) return;
    const centre = [near.lat, near.lon];
    L.circleMarker(centre, { radius: 7, color: "#000", weight: 3, fillColor: "#ffbf47", fillOpacity: 1, interactive: false })
      // A DOM node: Leaflet would put a string tooltip in as HTML, and the label comes from the URL.
      .bindTooltip(el("span", {}, label))
      .addTo(this.origin);
    if (radius) {
      const circle = L.circle(centre, { radius: Number(radius), color: "#000", weight: 1, dashArray: "4 4", fill: false, interactive: false });
      circle.addTo(this.origin);
      this.map.fitBounds(circle.getBounds());
    } else this.map.setView(centre, Math.max(this.map.getZoom(), 15));
  }
}
