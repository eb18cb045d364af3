import { fetchJson } from "../shared/api.js";
import { clusterIcon } from "../shared/cluster-icon.js";
import { clear, el, highlightItem } from "../shared/dom.js";
import { pageLocale } from "../shared/format.js";

/* global L */
// Upcoming events on the map page: calendar markers (clustered, so events at the same meeting place
// spiderfy), a topic and a language filter, and the same events as a list in the sidebar: each item
// links to the event page and shows its marker, so nothing needs the map. Event text from the API
// only ever reaches the page through el() (text nodes and attributes), never as HTML.
const TIME_ZONE = "Europe/Berlin";
// "Show on the map" zooms at least this far, so the event's surroundings can be seen.
const SHOW_ZOOM = 16;

function formatter(options) {
  try {
    return new Intl.DateTimeFormat(pageLocale, { ...options, timeZone: TIME_ZONE });
  } catch (_error) {
    return new Intl.DateTimeFormat("de", { ...options, timeZone: TIME_ZONE });
  }
}

const whenFormat = formatter({ weekday: "short", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
const dayFormat = formatter({ day: "numeric" });
const monthFormat = formatter({ month: "short" });

function toDate(text) {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

// "Mi., 14. Mai 2025, 18:00–20:00" in the page language, Berlin time.
export function formatWhen(start, end) {
  if (!start) return "";
  if (end && end > start && typeof whenFormat.formatRange === "function") return whenFormat.formatRange(start, end);
  return whenFormat.format(start);
}

export function toEvent(feature) {
  const p = feature.properties || {};
  const coordinates = feature.geometry?.coordinates;
  return {
    key: `event:${p.id}`,
    slug: p.slug || "",
    title: p.title || "",
    url: p.url || "",
    start: toDate(p.start),
    end: toDate(p.end),
    place: p.place || "",
    address: p.address || "",
    isSample: Boolean(p.is_sample),
    latlng: coordinates ? [coordinates[1], coordinates[0]] : null,
  };
}

function placeText(event) {
  return [event.place, event.address].filter(Boolean).join(", ");
}

// A small calendar sheet with the day of the month; the element is built from text only.
function calendarIcon(event) {
  const sheet = el(
    "span",
    { className: "event-sheet", "aria-hidden": "true" },
    el("span", { className: "event-sheet-month" }, event.start ? monthFormat.format(event.start) : ""),
    el("span", { className: "event-sheet-day" }, event.start ? dayFormat.format(event.start) : ""),
  );
  return L.divIcon({ html: sheet, className: "event-marker", iconSize: [30, 32], iconAnchor: [15, 32], popupAnchor: [0, -30] });
}

export class EventsLayer {
  constructor(map, config) {
    this.map = map;
    this.api = config.api.events;
    this.strings = config.strings;
    this.toggle = document.getElementById("toggle-events");
    this.section = document.getElementById("events-section");
    this.topic = document.getElementById("events-topic");
    this.language = document.getElementById("events-language");
    this.status = document.getElementById("events-status");
    this.list = document.getElementById("event-list");
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 30,
      // The number shows; screen readers hear "3 events – zoom in".
      iconCreateFunction: clusterIcon(config.strings.clusterEvents, { className: "event-cluster" }),
    });
    this.markers = new Map();
    this.items = new Map();
    this.token = 0;
    this.showToken = 0;
    this.toggle.addEventListener("change", () => this.sync());
    for (const select of [this.topic, this.language]) select.addEventListener("change", () => this.load());
    this.sync();
  }

  sync() {
    const visible = this.toggle.checked;
    this.section.hidden = !visible;
    if (visible && !this.map.hasLayer(this.cluster)) this.map.addLayer(this.cluster);
    if (!visible && this.map.hasLayer(this.cluster)) this.map.removeLayer(this.cluster);
  }

  params() {
    const params = new URLSearchParams();
    if (this.topic.value) params.set("topic", this.topic.value);
    if (this.language.value) params.set("language", this.language.value);
    const query = params.toString();
    return query ? `?${query}` : "";
  }

  async load() {
    const token = ++this.token;
    this.list.dataset.state = "loading";
    this.list.setAttribute("aria-busy", "true");
    let events;
    try {
      const collection = await fetchJson(`${this.api}${this.params()}`);
      events = (collection.features || []).map(toEvent).filter((event) => event.latlng);
    } catch (error) {
      if (token !== this.token) return;
      this.status.textContent = `${this.strings.loadError} ${error.message}`;
      this.status.classList.add("error");
      this.list.removeAttribute("aria-busy");
      this.list.dataset.state = "error";
      return;
    }
    if (token !== this.token) return;
    this.render(events);
    this.status.classList.remove("error");
    this.status.textContent = events.length
      ? this.strings.eventsCount.replace("{count}", events.length)
      : this.strings.eventsNone;
    this.list.removeAttribute("aria-busy");
    this.list.dataset.state = "ready";
  }

  render(events) {
    this.cluster.clearLayers();
    this.markers.clear();
    this.items.clear();
    clear(this.list);
    const markers = [];
    for (const event of events) {
      const marker = L.marker(event.latlng, { icon: calendarIcon(event), title: event.title, keyboard: true, zIndexOffset: 500 });
      marker.bindPopup(() => this.popupContent(event), { maxWidth: 280 });
      marker.on("click", () => this.highlight(event.key));
      marker.on("add", () => marker.getElement()?.setAttribute("data-event", event.slug));
      this.markers.set(event.key, marker);
      markers.push(marker);
      const item = this.listItem(event);
      this.items.set(event.key, item);
      this.list.append(item);
    }
    this.cluster.addLayers(markers);
  }

  popupContent(event) {
    const s = this.strings;
    return el(
      "div",
      { className: "popup event-popup", dataset: { event: event.slug } },
      el("strong", { className: "popup-name" }, event.title),
      event.isSample ? el("span", { className: "badge badge-sample" }, this.strings.eventsSample) : null,
      el("div", { className: "event-when" }, el("span", { className: "visually-hidden" }, `${s.eventsWhen}: `), formatWhen(event.start, event.end)),
      placeText(event) ? el("div", { className: "event-place" }, el("span", { className: "visually-hidden" }, `${s.eventsWhere}: `), placeText(event)) : null,
      event.url ? el("div", {}, el("a", { href: event.url, className: "popup-link" }, s.eventsDetails)) : null,
    );
  }

  listItem(event) {
    const s = this.strings;
    const title = event.url ? el("a", { href: event.url, className: "item-name" }, event.title) : el("span", { className: "item-name" }, event.title);
    return el(
      "li",
      { className: "directory-item event-item", dataset: { key: event.key, event: event.slug } },
      el("div", { className: "item-head" }, el("span", { className: "event-symbol", "aria-hidden": "true" }), title,
        event.isSample ? el("span", { className: "badge badge-sample" }, this.strings.eventsSample) : null),
      el("div", { className: "item-meta event-when" }, formatWhen(event.start, event.end)),
      placeText(event) ? el("div", { className: "item-meta event-place" }, placeText(event)) : null,
      el("button", {
        type: "button",
        className: "link-button item-show",
        "aria-label": `${s.eventsShowOnMap}: ${event.title}`,
        onclick: () => this.show(event.key),
      }, s.eventsShowOnMap),
    );
  }

  highlight(key) {
    highlightItem(this.items, key);
  }

  // Zooms to the event (and out of its cluster), then opens its popup.
  show(key) {
    const marker = this.markers.get(key);
    if (!marker) return;
    this.highlight(key);
    if (!this.map.hasLayer(this.cluster)) {
      this.toggle.checked = true;
      this.sync();
    }
    // Markers are removed and added again while the clusters animate, which would close the popup:
    // the popup opens only once the zoom and its cluster animation are over.
    // Only the latest request counts, and none once the layer has been switched off meanwhile.
    const token = ++this.showToken;
    const reveal = () => {
      if (token !== this.showToken || !this.map.hasLayer(this.cluster)) return;
      if (this.cluster._inZoomAnimation) this.cluster.once("animationend", reveal);
      else this.cluster.zoomToShowLayer(marker, () => marker.openPopup());
    };
    if (this.map.getZoom() >= SHOW_ZOOM) reveal();
    else {
      this.map.once("moveend", reveal);
      this.map.setView(marker.getLatLng(), SHOW_ZOOM);
    }
  }
}
