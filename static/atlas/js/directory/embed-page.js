import { fetchJson } from "../shared/api.js";
import { BaseMap, LEAFLET_LINK_NEW_TAB } from "../shared/base-map.js";
import { Directory } from "./directory.js";

// Entry point of the embeddable directory (/embed/): the Ortsteile as offline base, the directory
// with the filters fixed by the embed URL. No statistics layers.
const config = JSON.parse(document.getElementById("map-config").textContent);
const base = new BaseMap("map", config, config.directory.strings, { prefix: LEAFLET_LINK_NEW_TAB });
const map = base.map;

const directory = new Directory(map, config.directory);
directory.load();

fetchJson(config.api.ortsteile)
  .then((collection) => {
    const ortsteile = base.addOrtsteilFill(collection, { weight: 1.5 });
    map.fitBounds(ortsteile.getBounds(), { padding: [10, 10] });
  })
  .catch((error) => console.warn("Ortsteile unavailable", error))
  .finally(() => {
    directory.restoreView();
    document.getElementById("map").dataset.ready = "true";
  });
