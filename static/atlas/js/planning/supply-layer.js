import { fetchJson } from "../shared/api.js";
import { DirectoryLayers } from "../directory/marker-layers.js";
import { toEntry, toMapPoint } from "../directory/entries.js";

/* global L */
// The supply behind the gaps on the planner map: every published organisation and meeting place as the
// residents' map shows them (directory/marker-layers.js: clustered, each kind switchable, popups with
// the entry), from the slim map layers /api/map/organisations/ and /api/map/meeting-places/; and for a
// planning area whose figures are open, the entries its catchment counts, ringed.
// Rings above the markers and clusters (the planner's markerPane, 655): around a cluster they show
// where counted entries are; below the what-if points (660).
const COUNTED_PANE = "countedSupply";

export class SupplyLayer {
  // directory: directory_config() of atlas/directory/config.py (API, vocabularies, texts).
  constructor(map, directory) {
    this.map = map;
    this.directory = directory;
    this.layers = new DirectoryLayers(map, directory, () => {}, (point) => this.describe(point));
    if (!map.getPane(COUNTED_PANE)) map.createPane(COUNTED_PANE).style.zIndex = "657";
    this.counted = L.layerGroup().addTo(map);
    this.countedKey = null;
  }

  // Both kinds on the map; resolves to the number of markers once they are in.
  async load() {
    const api = this.directory.api;
    const [organisations, places] = await Promise.all([fetchJson(api.organisationsMap), fetchJson(api.meetingPlacesMap)]);
    const points = [
      ...(organisations.features || []).map((feature) => toMapPoint(feature, "organisation")),
      ...(places.features || []).map((feature) => toMapPoint(feature, "place")),
    ];
    await this.layers.setPoints(points);
    return points.length;
  }

  // A marker's entry for its popup, from the list API by id.
  async describe(point) {
    const api = point.kind === "organisation" ? this.directory.api.organisations : this.directory.api.meetingPlaces;
    const collection = await fetchJson(`${api}?id=${encodeURIComponent(point.id)}`);
    const feature = collection.features?.[0];
    if (!feature) throw new Error("");
    return toEntry(feature, point.kind);
  }

  // A checkbox switching one kind ("organisation" or "place") on and off.
  bindToggle(kind, box) {
    if (!box) return;
    const sync = () => this.layers.setVisible(kind, box.checked);
    box.addEventListener("change", sync);
    sync();
  }

  // Rings around the entries a planning area's catchment counts (answer of /planung/zahlen/<key>/);
  // answer null removes them when that area's figures close.
  showCounted(key, answer) {
    if (!answer) {
      if (key !== this.countedKey) return;
      this.counted.clearLayers();
      this.countedKey = null;
      delete this.map.getContainer().dataset.counted;
      return;
    }
    this.counted.clearLayers();
    this.countedKey = key;
    for (const entry of answer.entries) {
      L.circleMarker([entry.point[1], entry.point[0]], {
        pane: COUNTED_PANE,
        radius: 12,
        weight: 3,
        color: "#1b1f23",
        dashArray: entry.weight >= 1 ? null : "4 3",
        fill: false,
        interactive: false,
        className: "counted-ring",
      }).addTo(this.counted);
    }
    this.map.getContainer().dataset.counted = `${key}:${answer.entries.length}`;
  }
}
