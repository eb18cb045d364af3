import { el } from "../shared/dom.js";
import { detailUrl, kindLabel, sampleBadge, shortDescription } from "./entries.js";
import { resultSummary } from "./result-summary.js";

// The popup of a marker: name, sample badge, kind, short description, what the result says
// (result-summary.js: address, hours, languages, distance, route from `origin`), link to the page.
export function popupContent(entry, config, { origin = null } = {}) {
  const s = config.strings;
  const link = el("a", { href: detailUrl(entry, config), className: "popup-link" }, s.details);
  if (config.embed) {
    link.target = "_blank";
    link.rel = "noopener";
  }
  // The address is known, the marker only stands for its planning area.
  const approximate = entry.props.location_precision === "planning_area" && entry.props.address;
  return el(
    "div",
    { className: "popup entry-popup", dataset: { key: entry.key } },
    el("strong", { className: "popup-name" }, entry.name),
    sampleBadge(entry, config),
    el("div", { className: "popup-kind" }, kindLabel(entry, config)),
    shortDescription(entry, config, "popup-description"),
    resultSummary(entry, config, { origin, distanceClass: "popup-distance" }),
    approximate ? el("div", { className: "hint" }, s.locationArea) : null,
    el("div", {}, link),
  );
}
