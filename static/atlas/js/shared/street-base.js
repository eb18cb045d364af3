import { attributionTexts, loadSources, shortAttribution } from "./attribution.js";
import {
  OFFLINE,
  STREET,
  browserStorage,
  hasConsent,
  readChoice,
  rememberChoice,
  rememberConsent,
  startingBase,
} from "./base-choice.js";
import { clear, el, escapeHtml } from "./dom.js";

/* global L */
// The two bases of a map: the street map (tiles from ATLAS_TILES_URL, the default) and the offline
// Ortsteil map drawn from our own data. Falls back to the offline base by itself when no tile loads,
// and says so in one line on the map; remembers the visitor's choice; where the deployment asks first
// (ATLAS_TILES_CONSENT), shows the offline base with a question until the visitor agrees once.
// Keeps the map's attribution to one short line (shared/attribution.js).
//
// config: base_map() of common/basemap.py ({tiles, base, sources}); offline: the layer group of the
// offline base; layers: the map's layer list (null on maps without one); newTab: links open a new tab.
export class StreetBase {
  constructor(map, config, { offline, layers = null, newTab = false, storage = browserStorage() }) {
    this.map = map;
    this.tiles = config.tiles;
    this.texts = config.base;
    this.sources = config.sources;
    this.offline = offline;
    this.layers = layers;
    this.newTab = newTab;
    this.storage = storage;
    this.offlineCredit = null;
    this.loaded = 0;
    this.switching = false;
    // OpenStreetMap's tile usage policy: at most its zoom 19, and the page's origin as referrer
    // (the site's own policy, same-origin, would send none).
    this.street = L.tileLayer(this.tiles.url, {
      maxZoom: this.tiles.maxZoom,
      referrerPolicy: "strict-origin-when-cross-origin",
      className: "street-tiles",
    });
    this.street.on("add", () => (this.loaded = 0));
    this.street.on("tileload", () => (this.loaded += 1));
    this.street.on("tileerror", () => {
      if (!this.loaded && this.map.hasLayer(this.street)) this.fallBack();
    });

    this.notice = this.noticeControl().addTo(map);
    map.attributionControl.setPrefix(false);
    map.on("baselayerchange", (event) => this.changed(event.layer));

    const { base, ask } = startingBase({
      choice: readChoice(storage),
      consentRequired: Boolean(this.tiles.consent),
      consented: hasConsent(storage, this.tiles.host),
    });
    if (ask) this.ask();
    else this.list(this.street, this.texts.street);
    this.list(offline, this.texts.offline);
    this.show(base === STREET ? this.street : offline);
  }

  // The layer list renders names as HTML: they are escaped.
  list(layer, name) {
    this.layers?.addBaseLayer(layer, escapeHtml(name));
  }

  get current() {
    return this.map.hasLayer(this.street) ? STREET : OFFLINE;
  }

  // The base shown, switched by the script (not a visitor's choice).
  show(layer) {
    this.switching = true;
    const other = layer === this.street ? this.offline : this.street;
    if (this.map.hasLayer(other)) this.map.removeLayer(other);
    if (!this.map.hasLayer(layer)) layer.addTo(this.map);
    this.switching = false;
    this.shown();
  }

  // Leaflet's event for any change of the base, the visitor's in the layer list or show()'s.
  changed(layer) {
    if (this.switching || (layer !== this.street && layer !== this.offline)) return;
    // The visitor picked it: remembered, and the street map is tried afresh.
    rememberChoice(this.storage, this.current);
    this.say("");
    this.shown();
  }

  shown() {
    this.map.getContainer().dataset.base = this.current;
    this.credit();
  }

  fallBack() {
    this.show(this.offline);
    this.say(this.texts.unavailable);
  }

  // The Ortsteile's sources (keys of /api/sources/), credited while the offline base is shown.
  async creditOffline(keys) {
    const sources = await loadSources(this.sources.api);
    this.offlineCredit = attributionTexts(sources, keys).join(" · ");
    this.credit();
  }

  credit() {
    const credit = this.current === STREET
      ? { text: this.tiles.attribution, url: this.tiles.attributionUrl }
      : { text: this.offlineCredit };
    this.map.attributionControl.setPrefix(shortAttribution({ credit, sources: this.sources, newTab: this.newTab }));
  }

  // -- the line on the map: the fallback's message, or the question before loading external tiles ----

  noticeControl() {
    const control = L.control({ position: "bottomleft" });
    this.status = el("p", { className: "base-status is-empty", role: "status" });
    this.question = el("div", { className: "tiles-consent", hidden: true });
    control.onAdd = () => {
      const box = el("div", { className: "leaflet-control base-notice" }, this.status, this.question);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    return control;
  }

  say(text) {
    this.status.textContent = text;
    this.status.classList.toggle("is-empty", !text);
  }

  ask() {
    const privacy = this.texts.privacy;
    const button = el("button", { type: "button", className: "button" }, this.texts.consentButton);
    button.addEventListener("click", () => this.agree());
    clear(this.question).append(
      el("p", { className: "consent-question" }, this.texts.consentQuestion),
      el("p", { className: "consent-note" }, this.texts.consentNote, " ",
        el("a", { href: privacy.page, target: this.newTab ? "_blank" : null, rel: this.newTab ? "noopener" : null }, privacy.label)),
      button,
    );
    this.question.hidden = false;
  }

  agree() {
    rememberConsent(this.storage, this.tiles.host);
    this.question.hidden = true;
    clear(this.question);
    this.layers?.removeLayer(this.offline); // listed again after the street map, as everywhere else
    this.list(this.street, this.texts.street);
    this.list(this.offline, this.texts.offline);
    this.show(this.street);
    rememberChoice(this.storage, STREET);
    // The button is gone: the keyboard goes on from the map.
    this.map.getContainer().focus();
  }
}
