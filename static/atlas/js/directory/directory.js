import { fetchJson } from "../shared/api.js";
import { formatInteger, pageLocale } from "../shared/format.js";
import { DirectoryLayers } from "./marker-layers.js";
import { markerKey, toEntry, toMapPoint } from "./entries.js";
import { FilterForm } from "./filter-form.js";
import { EntryList } from "./entry-list.js";
import { MergedPages } from "./merged-pages.js";
import { NearControls } from "./near-controls.js";
import { readState, writeState } from "./url-state.js";
import { SearchSuggestions, mergeSuggestions } from "./search-suggestions.js";

// The directory beside the map: filters, "near", the list and the two marker layers, kept in step
// with each other and with the address bar. Used by the map page (map/map-page.js) and the embed (embed-page.js).
//
// At any size: the map shows every match from the map layer (one slim point per entry,
// /api/map/…), the count is the API's, and the list pages through the full entries ("more",
// `listPageSize` at a time), organisations and meeting places merged in one order.
const ORGANISATION_ONLY = ["category", "language", "target_group"];
const DEFAULT_PAGE_SIZE = 50;

// The list's order: nearest first with "near" (the API's order), else by name.
const byName = (a, b) => a.name.localeCompare(b.name, pageLocale);
const byDistance = (a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || byName(a, b);

// The API's `next` is absolute; the page asks its own origin (behind a proxy the API may see http).
function sameOrigin(url) {
  const address = new URL(url, window.location.href);
  return `${address.pathname}${address.search}`;
}

export class Directory {
  constructor(map, config) {
    this.map = map;
    this.config = config;
    this.strings = config.strings;
    this.state = readState();
    Object.assign(this.state.filters, config.locked || {});
    this.token = 0;
    this.trackView = !this.state.view;
    // The page may fit the map by itself (the whole district on any screen): such views stay out of the address.
    this.automaticView = () => false;
    this.listNode = document.getElementById("directory-list");
    this.count = document.getElementById("dir-count");
    this.hint = document.getElementById("dir-hint");
    this.shown = document.getElementById("dir-shown");
    this.more = document.getElementById("dir-more");
    this.pageSize = config.listPageSize || DEFAULT_PAGE_SIZE;
    this.pages = null;
    this.suggestions = new SearchSuggestions(this.count, this.strings.didYouMean, (q) => this.searchFor(q));
    this.layers = new DirectoryLayers(map, config, (key) => this.list.highlight(key), (point) => this.describe(point));
    this.list = new EntryList(this.listNode, config, (entry) => {
      this.list.highlight(markerKey(entry));
      this.layers.show(entry);
    });
    this.more.addEventListener("click", () => this.showMore());
    this.filters = new FilterForm(document.getElementById("directory-form"), (values) => {
      this.state.filters = { ...values, ...(config.locked || {}) };
      this.update();
    });
    this.filters.setValues(this.state.filters);
    this.near = new NearControls(config, ({ near, radius }) => {
      this.state.near = near;
      this.state.radius = near ? radius : radius || "";
      this.layers.setOrigin(near, this.state.radius, near?.label || this.strings.you);
      this.update();
    });
    this.near.set(this.state.near, this.state.radius);
    this.bindShowToggles();
    map.on("moveend", () => {
      if (!this.trackView || this.automaticView()) return;
      const centre = map.getCenter();
      this.state.view = { zoom: map.getZoom(), lat: centre.lat, lon: centre.lng };
      writeState(this.state);
    });
  }

  bindShowToggles() {
    for (const [kind, id, layer] of [["organisations", "dir-show-organisations", "organisation"], ["places", "dir-show-places", "place"]]) {
      const box = document.getElementById(id);
      box.checked = this.state.show[kind];
      this.layers.setVisible(layer, box.checked);
      box.addEventListener("change", () => {
        this.state.show[kind] = box.checked;
        this.layers.setVisible(layer, box.checked);
        this.update();
      });
    }
  }

  // After the page has placed the map: restore a shared view, and only then follow the map.
  restoreView() {
    const view = this.state.view;
    if (view) this.map.setView([view.lat, view.lon], view.zoom);
    else if (this.state.near) this.layers.setOrigin(this.state.near, this.state.radius, this.state.near.label || this.strings.you);
    this.trackView = true;
    // The address as a link to share from the start: the page's language (lang=) joins what was given.
    writeState(this.state);
  }

  setTab(name, defaultTab) {
    this.state.tab = name === defaultTab ? "" : name;
    writeState(this.state);
  }

  update() {
    writeState(this.state);
    return this.load();
  }

  // A suggestion chosen: it becomes the search, and the search field keeps the focus.
  searchFor(q) {
    this.filters.setValues({ q });
    this.filters.field("q")?.focus();
    this.filters.changed();
  }

  params(kind) {
    const f = this.state.filters;
    const params = new URLSearchParams();
    const common = ["q", "ortsteil", "open_now", "wheelchair"];
    const keys = kind === "organisation" ? [...common, ...ORGANISATION_ONLY] : [...common, "type"];
    for (const key of keys) if (f[key]) params.set(key, f[key]);
    if (this.state.near) {
      params.set("near", `${this.state.near.lon.toFixed(6)},${this.state.near.lat.toFixed(6)}`);
      if (this.state.radius) params.set("radius", this.state.radius);
    }
    return params;
  }

  api(kind) {
    const api = this.config.api;
    return kind === "organisation"
      ? { list: api.organisations, map: api.organisationsMap }
      : { list: api.meetingPlaces, map: api.meetingPlacesMap };
  }

  // The list's pages of one kind, for MergedPages.
  // `suggested` collects the API's "did you mean" answers by kind (first page only).
  listSource(kind, suggested = {}) {
    const params = this.params(kind);
    params.set("page_size", this.pageSize);
    const first = `${this.api(kind).list}?${params}`;
    return async (next) => {
      const collection = await fetchJson(next ? sameOrigin(next) : first);
      if (!next) suggested[kind] = collection.suggestions;
      return {
        entries: (collection.features || []).map((feature) => toEntry(feature, kind)),
        count: collection.count,
        next: collection.next,
      };
    };
  }

  async fetchPoints(kind) {
    const collection = await fetchJson(`${this.api(kind).map}?${this.params(kind)}`);
    return (collection.features || []).map((feature) => toMapPoint(feature, kind));
  }

  // The entry of a marker the list has not shown yet: the list API asked for its id, with the
  // distance from "near" as in the list.
  async describe(point) {
    const params = this.params(point.kind);
    params.set("id", point.id);
    const collection = await fetchJson(`${this.api(point.kind).list}?${params}`);
    const feature = collection.features?.[0];
    if (!feature) throw new Error("");
    return toEntry(feature, point.kind);
  }

  async load() {
    const token = ++this.token;
    const f = this.state.filters;
    const organisationOnly = ORGANISATION_ONLY.some((key) => f[key]);
    const kinds = [];
    if (this.state.show.organisations && !f.type) kinds.push("organisation");
    if (this.state.show.places && !organisationOnly) kinds.push("place");
    this.listNode.dataset.state = "loading";
    this.listNode.setAttribute("aria-busy", "true");
    const suggested = {};
    const pages = new MergedPages(kinds.map((kind) => this.listSource(kind, suggested)), this.state.near ? byDistance : byName);
    // The map layer loads beside the list's first pages; the list and the count come first.
    const points = Promise.all(kinds.map((kind) => this.fetchPoints(kind)));
    points.catch(() => {}); // reported below, once the list is in
    try {
      await pages.start();
      const first = await pages.take(this.pageSize);
      if (token !== this.token) return;
      this.pages = pages;
      this.layers.forget();
      this.layers.routeOrigin = this.state.near;
      this.layers.remember(first);
      this.list.render(first, this.state.near);
      this.showCount(organisationOnly);
      this.suggestions.show(pages.count ? [] : mergeSuggestions([suggested.organisation, suggested.place]));
      this.listNode.removeAttribute("aria-busy");
      const layer = (await points).flat();
      if (token !== this.token) return;
      await this.layers.setPoints(layer);
      if (token !== this.token) return;
      this.map.getContainer().dataset.markers = String(layer.length);
    } catch (error) {
      if (token !== this.token) return;
      this.showError(error);
      return;
    }
    this.listNode.dataset.state = "ready";
  }

  showError(error) {
    this.suggestions.show([]);
    this.count.textContent = `${this.strings.loadError} ${error.message}`.trim();
    this.count.classList.add("error");
    this.listNode.dataset.state = "error";
    this.listNode.removeAttribute("aria-busy");
  }

  showCount(organisationOnly) {
    const count = this.pages.count;
    const template = this.state.near ? this.strings.resultsNear : this.strings.results;
    this.count.classList.remove("error");
    this.count.textContent = count ? template.replace("{count}", formatInteger(count)) : this.strings.noResults;
    this.hint.hidden = !(organisationOnly && this.state.show.places);
    this.hint.textContent = this.hint.hidden ? "" : this.strings.placesNotFiltered;
    this.showProgress();
  }

  // "50 of 10,000 shown" and the button for the next ones, while there are more.
  showProgress() {
    const { count, shown, done } = this.pages;
    this.shown.hidden = count <= this.pageSize;
    this.shown.textContent = this.strings.shownOf.replace("{shown}", formatInteger(shown)).replace("{count}", formatInteger(count));
    this.more.hidden = done;
    const next = Math.max(1, Math.min(this.pageSize, count - shown));
    this.more.textContent = this.strings.more.replace("{count}", formatInteger(next));
  }

  // The next entries at the end of the list; the keyboard goes on at the first of them.
  async showMore() {
    const pages = this.pages;
    if (!pages || this.more.getAttribute("aria-busy") === "true") return;
    const token = this.token;
    this.more.setAttribute("aria-busy", "true");
    try {
      const entries = await pages.take(this.pageSize);
      if (token !== this.token) return;
      this.layers.remember(entries);
      const first = this.list.append(entries);
      this.showProgress();
      first?.querySelector("a")?.focus();
    } catch (error) {
      if (token === this.token) this.showError(error);
    } finally {
      this.more.removeAttribute("aria-busy");
    }
  }
}
