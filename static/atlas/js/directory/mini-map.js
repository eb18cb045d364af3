import { fetchJson } from "../shared/api.js";
import { addZoomControl } from "../shared/base-map.js";

/* global L */
// The small map of a detail page: the Ortsteile as offline base, the entry's Ortsteil stressed, and
// the entry's point — or, when the address is not public, only its planning area's outline.
export async function initMiniMap(container, config) {
  const map = L.map(container, { zoomControl: false, scrollWheelZoom: false, attributionControl: true });
  addZoomControl(map, config.controls);
  map.attributionControl.setPrefix(false);
  map.setView([52.535, 13.18], 12);
  try {
    const collection = await fetchJson(config.api.ortsteile);
    const outlines = L.geoJSON(collection, {
      interactive: false,
      style: (feature) => {
        const own = feature.properties.key === config.ortsteil;
        return { color: "#37474f", weight: own ? 2.5 : 1, fillColor: own ? "#dfe9ef" : "#f3f5f7", fillOpacity: 1 };
      },
    }).addTo(map);
    const own = outlines.getLayers().find((layer) => layer.feature.properties.key === config.ortsteil);
    map.fitBounds((own || outlines).getBounds());
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
