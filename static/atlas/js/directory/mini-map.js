import { fetchJson } from "../shared/api.js";
import { addZoomControl } from "../shared/base-map.js";
import { StreetBase } from "../shared/street-base.js";

/* global L */
// The small map of a detail page: the street map (the Ortsteile as offline base, as on every map), the
// entry's Ortsteil outlined, and the entry's point — or, when the address is not public, only its
// planning area's outline. config: base_map() of common/basemap.py with the entry's point and areas.
export async function initMiniMap(container, config) {
  const map = L.map(container, { zoomControl: false, scrollWheelZoom: false, attributionControl: true, maxZoom: config.maxZoom });
  addZoomControl(map, config.controls);
  map.setView([52.535, 13.18], 12);
  const offline = L.layerGroup();
  const base = new StreetBase(map, config, { offline });
  try {
    const collection = await fetchJson(config.api.ortsteile);
    const isOwn = (feature) => feature.properties.key === config.ortsteil;
    // The offline base: every Ortsteil filled, the entry's lighter.
    const fills = L.geoJSON(collection, {
      interactive: false,
      style: (feature) => ({ color: "#37474f", weight: 1, fillColor: isOwn(feature) ? "#dfe9ef" : "#f3f5f7", fillOpacity: 1 }),
    }).addTo(offline);
    base.creditOffline(collection.features.map((feature) => feature.properties.source).filter(Boolean));
    // On both bases: the entry's Ortsteil outlined.
    const own = L.geoJSON({ ...collection, features: collection.features.filter(isOwn) }, {
      interactive: false,
      style: () => ({ color: "#37474f", weight: 2.5, fill: false }),
    }).addTo(map);
    map.fitBounds((own.getLayers().length ? own : fills).getBounds());
  } catch (_error) {
    // the point alone is still shown
  }
  if (config.point) {
    const [lon, lat] = config.point;
    L.circleMarker([lat, lon], { radius: 9, weight: 3, color: "#fff", fillColor: "#00587a", fillOpacity: 1, interactive: false }).addTo(map);
    map.setView([lat, lon], 15);
  } else if (config.planningArea && config.api.planningArea) {
    try {
      const feature = await fetchJson(config.api.planningArea);
      const area = L.geoJSON(feature, { interactive: false, style: () => ({ color: "#00587a", weight: 2, dashArray: "5 4", fillOpacity: 0.15 }) }).addTo(map);
      map.fitBounds(area.getBounds());
    } catch (_error) {
      // the Ortsteil outline stays
    }
  }
  container.dataset.ready = "true";
  return map;
}
