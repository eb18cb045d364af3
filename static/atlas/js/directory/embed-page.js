import { fetchJson } from "../shared/api.js";
import { BaseMap } from "../shared/base-map.js";
import { Directory } from "./directory.js";

// Entry point of the embeddable directory (/embed/): the street map (the Ortsteile as offline base), the
// directory with the filters fixed by the embed URL. No statistics layers. The page around it stays:
// the links of the map's attribution open a new tab.
const config = JSON.parse(document.getElementById("map-config").textContent);
const base = new BaseMap("map", config, { newTab: true });
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
