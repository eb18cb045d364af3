import { clusterIcon } from "../shared/cluster-icon.js";
import { el } from "../shared/dom.js";
import { categoryColour } from "./entries.js";
import { popupContent } from "./entry-popup.js";

/* global L */
// The directory on the map: organisations as circles in the colour of their main field of activity,
// meeting places as dark diamonds; each kind in its own cluster so it can be switched off. A cluster
// shows its number and is announced as "6 entries – zoom in" (strings.clusterEntries).

export class DirectoryLayers {
  constructor(map, config, onSelect) {
    this.map = map;
    this.config = config;
    this.onSelect = onSelect;
    this.markers = new Map();
    this.entries = new Map();
    const options = { showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true };
    this.clusters = {
      organisation: L.markerClusterGroup({ ...options, iconCreateFunction: this.clusterIcon("organisation") }),
      place: L.markerClusterGroup({ ...options, iconCreateFunction: this.clusterIcon("place") }),
    };
    this.origin = L.layerGroup().addTo(map);
    this.routeOrigin = null; // {lat, lon} of "near", where the popups' walking directions start
  }

  clusterIcon(kind) {
    return clusterIcon(this.config.strings.clusterEntries, { className: `dir-cluster ${kind}-cluster` });
  }

  setVisible(kind, visible) {
    const cluster = this.clusters[kind];
    if (visible && !this.map.hasLayer(cluster)) this.map.addLayer(cluster);
    if (!visible && this.map.hasLayer(cluster)) this.map.removeLayer(cluster);
  }

  markerFor(entry) {
    let marker;
    if (entry.kind === "organisation") {
      marker = L.circleMarker(entry.latlng, {
        radius: 8,
        weight: 2,
        color: "#fff",
        fillColor: categoryColour(entry, this.config),
        fillOpacity: 0.95,
        className: "dir-marker org-marker",
      });
    } else {
      marker = L.marker(entry.latlng, {
        icon: L.divIcon({ className: "dir-marker place-marker", iconSize: [14, 14] }),
        title: entry.name,
        keyboard: true,
      });
    }
    marker.bindPopup(() => popupContent(entry, this.config, { origin: this.routeOrigin }), { maxWidth: 280 });
    marker.on("click", () => this.onSelect(entry.key));
    marker.on("add", () => marker.getElement()?.setAttribute("data-key", entry.key));
    return marker;
  }

  setEntries(entries) {
    for (const cluster of Object.values(this.clusters)) cluster.clearLayers();
    this.markers.clear();
    this.entries.clear();
    const byKind = { organisation: [], place: [] };
    for (const entry of entries) {
      if (!entry.latlng) continue;
      const marker = this.markerFor(entry);
      this.markers.set(entry.key, marker);
      this.entries.set(entry.key, entry);
      byKind[entry.kind].push(marker);
    }
    for (const [kind, markers] of Object.entries(byKind)) this.clusters[kind].addLayers(markers);
  }

  // Zooms until the marker is out of its cluster, then opens its popup.
  show(key) {
    const marker = this.markers.get(key);
    if (!marker) return;
    const cluster = this.clusters[key.split(":")[0]];
    if (this.map.hasLayer(cluster)) {
      cluster.zoomToShowLayer(marker, () => marker.openPopup());
      return;
    }
    // The layer is switched off: a free popup at the place, the layer stays off.
    this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), 16));
    const content = popupContent(this.entries.get(key), this.config, { origin: this.routeOrigin });
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
