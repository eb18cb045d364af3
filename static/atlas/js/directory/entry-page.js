import { initMiniMap } from "./mini-map.js";
import { keepOpeningStatus } from "./opening-hours.js";

// Entry point of a directory entry's page: the mini-map and the live "open now" status.
function readJson(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

const hours = readJson("hours-config");
const status = document.getElementById("open-status");
if (hours && status) keepOpeningStatus(hours, status, document.querySelector(".hours-table"));

document.querySelectorAll(".swatch[data-colour]").forEach((swatch) => {
  swatch.style.backgroundColor = swatch.dataset.colour;
});

const minimap = readJson("minimap-config");
const container = document.getElementById("mini-map");
if (minimap && container) initMiniMap(container, minimap);
