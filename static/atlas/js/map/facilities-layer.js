import { fetchJson } from "../shared/api.js";
import { clusterIcon } from "../shared/cluster-icon.js";
import { clear, el } from "../shared/dom.js";

/* global L */
// Facilities of social infrastructure, one clustered layer, with a checkbox per type. Off until chosen
// (in the map's layer control, or by choosing a type in the layers panel): the 500 official facilities
// would otherwise hide a resident's search results, and the meeting places among them are in the directory.
// Clusters look like markercluster's own (small, medium, large) and are announced as "12 facilities – zoom in".
function sizeClass(count) {
  return `marker-cluster marker-cluster-${count < 10 ? "small" : count < 100 ? "medium" : "large"}`;
}

export async function addFacilityLayer(map, config) {
  const strings = config.strings;
  const fieldset = document.getElementById("facility-types");
  const cluster = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    iconCreateFunction: clusterIcon(strings.clusterFacilities, { className: sizeClass, iconSize: [40, 40], nested: true }),
  });
  const markersByType = new Map();
  let types;
  try {
    const [typeList, collection] = await Promise.all([
      fetchJson(config.api.facilityTypes),
      fetchJson(config.api.facilities),
    ]);
    types = typeList;
    for (const feature of collection.features) {
      const [lon, lat] = feature.geometry.coordinates;
      const type = types.find((t) => t.key === feature.properties.type);
      const marker = L.circleMarker([lat, lon], {
        radius: 6,
        weight: 1,
        color: "#222",
        fillColor: type ? type.colour : "#555",
        fillOpacity: 0.9,
      });
      marker.bindPopup(() => facilityPopup(feature, type, config), { maxWidth: 280 });
      if (!markersByType.has(feature.properties.type)) markersByType.set(feature.properties.type, []);
      markersByType.get(feature.properties.type).push(marker);
    }
  } catch (error) {
    clear(fieldset).append(el("legend", {}, strings.facilities), el("p", { className: "error", role: "alert" }, `${strings.loadError} ${error.message}`));
    return cluster;
  }
  const loading = document.getElementById("facility-types-loading");
  if (loading) loading.remove();
  for (const type of types) {
    const markers = markersByType.get(type.key) || [];
    if (!markers.length) continue;
    const id = `facility-type-${type.key}`;
    const checkbox = el("input", { type: "checkbox", id, value: type.key, checked: true, dataset: { type: type.key } });
    const swatch = el("span", { className: "swatch round", "aria-hidden": "true" });
    swatch.style.backgroundColor = type.colour;
    fieldset.append(el("label", { for: id, className: "facility-type" }, checkbox, swatch, ` ${type.name} (${markers.length})`));
    checkbox.addEventListener("change", () => {
      if (checkbox.checked) cluster.addLayers(markers);
      else cluster.removeLayers(markers);
      if (!map.hasLayer(cluster)) map.addLayer(cluster); // choosing a type shows the layer
    });
    cluster.addLayers(markers);
  }
  return cluster;
}

function facilityPopup(feature, type, config) {
  const strings = config.strings;
  // Details are fetched on opening: the map layer carries only id, name and type.
  const box = el("div", { className: "popup" }, el("strong", {}, feature.properties.name), el("div", {}, type ? type.name : ""));
  fetchJson(`${config.api.facilities}${feature.properties.id}/`)
    .then((detail) => {
      const p = detail.properties;
      const address = [p.street, p.postcode].filter(Boolean).join(", ");
      if (address) box.append(el("div", {}, `${strings.address}: ${address}`));
      if (p.capacity) box.append(el("div", {}, `${strings.capacity}: ${p.capacity}`));
      if (p.operator) box.append(el("div", {}, `${strings.operator}: ${p.operator}`));
      if (p.website && /^https?:\/\//.test(p.website)) {
        box.append(el("div", {}, el("a", { href: p.website, rel: "noopener nofollow", target: "_blank" }, strings.website)));
      }
      if (p.source) box.append(el("div", { className: "popup-source" }, p.source.attribution || p.source.title || ""));
    })
    .catch(() => box.append(el("div", { className: "error" }, strings.loadError)));
  return box;
}
