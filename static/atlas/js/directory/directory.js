import { fetchJson } from "../shared/api.js";
import { pageLocale } from "../shared/format.js";
import { DirectoryLayers } from "./marker-layers.js";
import { toEntry } from "./entries.js";
import { FilterForm } from "./filter-form.js";
import { EntryList } from "./entry-list.js";
import { NearControls } from "./near-controls.js";
import { readState, writeState } from "./url-state.js";

// The directory beside the map: filters, "near", the list and the two marker layers, kept in step
// with each other and with the address bar. Used by the map page (map/map-page.js) and the embed (embed-page.js).
const ORGANISATION_ONLY = ["category", "language", "target_group"];
const PAGE_SIZE = "5000";

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
    this.layers = new DirectoryLayers(map, config, (key) => this.list.highlight(key));
    this.list = new EntryList(this.listNode, config, (entry) => {
      this.list.highlight(entry.key);
      this.layers.show(entry.key);
    });
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
  }

  setTab(name, defaultTab) {
    this.state.tab = name === defaultTab ? "" : name;
    writeState(this.state);
  }

  update() {
    writeState(this.state);
    return this.load();
  }

  params(kind) {
    const f = this.state.filters;
    const params = new URLSearchParams({ page_size: PAGE_SIZE });
    const common = ["q", "ortsteil", "open_now", "wheelchair"];
    const keys = kind === "organisation" ? [...common, ...ORGANISATION_ONLY] : [...common, "type"];
    for (const key of keys) if (f[key]) params.set(key, f[key]);
    if (this.state.near) {
      params.set("near", `${this.state.near.lon.toFixed(6)},${this.state.near.lat.toFixed(6)}`);
      if (this.state.radius) params.set("radius", this.state.radius);
    }
    return params;
  }

  async fetchKind(kind) {
    const url = kind === "organisation" ? this.config.api.organisations : this.config.api.meetingPlaces;
    const collection = await fetchJson(`${url}?${this.params(kind)}`);
    return (collection.features || []).map((feature) => toEntry(feature, kind));
  }

  async load() {
    const token = ++this.token;
    const f = this.state.filters;
    const organisationOnly = ORGANISATION_ONLY.some((key) => f[key]);
    const wantOrganisations = this.state.show.organisations && !f.type;
    const wantPlaces = this.state.show.places && !organisationOnly;
    this.listNode.dataset.state = "loading";
    this.listNode.setAttribute("aria-busy", "true");
    let entries;
    try {
      const [organisations, places] = await Promise.all([
        wantOrganisations ? this.fetchKind("organisation") : [],
        wantPlaces ? this.fetchKind("place") : [],
      ]);
      entries = [...organisations, ...places];
    } catch (error) {
      if (token !== this.token) return;
      this.count.textContent = `${this.strings.loadError} ${error.message}`;
      this.count.classList.add("error");
      this.listNode.dataset.state = "error";
      this.listNode.removeAttribute("aria-busy");
      return;
    }
    if (token !== this.token) return;
    if (this.state.near) entries.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
    else entries.sort((a, b) => a.name.localeCompare(b.name, pageLocale));
    this.layers.routeOrigin = this.state.near;
    this.layers.setEntries(entries);
    this.list.render(entries, this.state.near);
    const template = this.state.near ? this.strings.resultsNear : this.strings.results;
    this.count.classList.remove("error");
    this.count.textContent = entries.length ? template.replace("{count}", entries.length) : this.strings.noResults;
    this.hint.hidden = !(organisationOnly && this.state.show.places);
    this.hint.textContent = this.hint.hidden ? "" : this.strings.placesNotFiltered;
    this.listNode.removeAttribute("aria-busy");
    this.listNode.dataset.state = "ready";
  }
}
