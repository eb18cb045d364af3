import { el } from "../shared/dom.js";
import { fill } from "../shared/format.js";
import { distanceText } from "./entries.js";
import { hasHours, isOpen, todayTimes } from "./opening-hours.js";

// What one result says besides its name, the same in the list beside the map and in the marker
// popups: the address (or "area only"), open now and today's hours (Europe/Berlin), the languages
// spoken by their native names, wheelchair access, the distance and walking directions in an
// external router (config.routeUrl, settings.ATLAS_ROUTE_URL), opening in a new tab.
// summaryParts() decides what to say (pure, unit-tested); resultSummary() turns it into DOM nodes.
// The server-rendered list says the same (atlas/directory/summary.py, directory/_result_summary.html).

// Points geocoded only to the street or an area: a route to them would end in the wrong place.
const APPROXIMATE = new Set(["street", "planning_area", "ortsteil"]);

// Other features add their own lines (e.g. the nearest stops): render(entry, config, options) → Node
// or null, shown above the route link in the list and the popups alike.
const extraParts = [];

export function addSummaryPart(render) {
  extraParts.push(render);
}

// "52.52237,13.16591" from {lat, lon} or a Leaflet-ordered [lat, lon]; "" for nothing.
export function latLon(point) {
  if (!point) return "";
  const [lat, lon] = Array.isArray(point) ? point : [point.lat, point.lon];
  return `${Number(lat).toFixed(5)},${Number(lon).toFixed(5)}`;
}

// Walking directions from `origin` ({lat, lon} or null) to the entry, by the rule of
// atlas/directory/routes.py: {to} empty for an approximate point (the router looks the address up),
// no link without a place to go.
export function routeUrl(template, origin, entry) {
  if (!template) return null;
  const p = entry.props || {};
  const address = p.address || "";
  const takesAddress = template.includes("{to_address}");
  const to = APPROXIMATE.has(p.location_precision) ? "" : latLon(entry.latlng);
  if (!to && !(address && takesAddress)) return null;
  return template
    .replaceAll("{from}", latLon(origin))
    .replaceAll("{to}", to)
    .replaceAll("{to_address}", encodeURIComponent(address || to).replaceAll("%2C", ","));
}

// What to say about one entry: plain data, no DOM.
export function summaryParts(entry, config, { origin = null, now = new Date() } = {}) {
  const p = entry.props || {};
  const hours = p.opening_hours || {};
  const known = hasHours(hours);
  const languages = (p.languages || []).map((code) => {
    const language = config.languages?.[code];
    return { code, name: language ? language.name : code, rtl: Boolean(language?.rtl) };
  });
  return {
    address: p.address || null,
    areaOnly: !p.address && APPROXIMATE.has(p.location_precision),
    hours: known ? { open: isOpen(hours, now), today: todayTimes(hours, now) } : null,
    hoursNote: known ? "" : p.opening_hours_note || "",
    languages,
    wheelchair: ["yes", "limited"].includes(p.wheelchair_access) ? p.wheelchair_access : null,
    distance: distanceText(entry, config),
    route: routeUrl(config.routeUrl, origin, entry),
  };
}

function hoursLine(parts, s) {
  if (parts.hours) {
    const { open, today } = parts.hours;
    return el(
      "p",
      { className: "summary-hours" },
      el("span", { className: `open-status ${open ? "is-open" : "is-closed"}` }, open ? s.openNow : s.closedNow),
      " · ",
      today.length ? fill(s.today, { times: today.join(", ") }) : s.closedToday,
    );
  }
  return parts.hoursNote ? el("p", { className: "summary-hours" }, parts.hoursNote) : null;
}

// The summary as DOM nodes (text only, never HTML). `distanceClass` names the distance line
// (the list's tests and styles know it as item-distance).
export function resultSummary(entry, config, options = {}) {
  const s = config.strings;
  const parts = summaryParts(entry, config, options);
  let place = null;
  if (parts.address) place = el("p", { className: "summary-address" }, parts.address);
  else if (parts.areaOnly) place = el("p", { className: "summary-address summary-area" }, s.areaOnly);
  const languages = parts.languages.length
    ? el("ul", { className: "item-languages", "aria-label": s.languages },
        parts.languages.map((language) => el("li", { lang: language.code, dir: language.rtl ? "rtl" : "ltr" }, language.name)))
    : null;
  const access = parts.wheelchair
    ? el("p", { className: "summary-access" }, parts.wheelchair === "yes" ? s.wheelchairYes : s.wheelchairLimited)
    : null;
  const route = parts.route
    ? el("p", { className: "summary-route" },
        el("a", { href: parts.route, target: "_blank", rel: "noopener", "aria-label": fill(s.routeOf, { name: entry.name }) },
          s.route, el("span", { "aria-hidden": "true" }, " ↗")))
    : null;
  return el(
    "div",
    { className: "result-summary" },
    place,
    parts.distance ? el("p", { className: options.distanceClass || "summary-distance" }, parts.distance) : null,
    hoursLine(parts, s),
    languages,
    access,
    extraParts.map((render) => render(entry, config, options)),
    route,
  );
}
