import { fetchJson, postJson } from "../shared/api.js";
import { clear, el } from "../shared/dom.js";
import { fill } from "../shared/format.js";

/* global L */
// Hypothetical meeting places for the what-if analysis: placed by a click on the map, by an address
// (geocoded by /api/geocode/) or by choosing a planning area (its representative point). They live
// only in this page: nothing is stored, the server computes before/after and forgets.
const MAX_POINTS = 50;
// Above the Ortsteil names (permanent tooltips, tooltipPane 650), below popups (700): a point set under
// a name stays visible.
const PANE = "whatIfPoints";

export class WhatIf {
  constructor(map, config, { onChange, announce }) {
    this.map = map;
    this.config = config;
    this.strings = config.strings;
    this.points = []; // {id, lon, lat, area, marker}
    this.nextId = 1;
    this.onChange = onChange;
    this.announce = announce;
    this.list = document.getElementById("whatif-points");
    this.clearButton = document.getElementById("whatif-clear");
    this.clickToggle = document.getElementById("whatif-click");
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = "660";
    this.layer = L.layerGroup().addTo(map);
    this.bindForms();
    this.renderList();
  }

  get clickEnabled() {
    return this.clickToggle.checked;
  }

  bindForms() {
    const s = this.strings;
    document.getElementById("whatif-address-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const input = document.getElementById("whatif-address");
      const query = input.value.trim();
      if (!query) return;
      try {
        const answer = await fetchJson(`${this.config.api.geocode}?q=${encodeURIComponent(query)}`);
        this.add(answer.point.lon, answer.point.lat, answer.planning_area?.key || null, answer.label);
        input.value = "";
      } catch (error) {
        this.announce(`${s.geocodeNotFound} ${error.message}`);
      }
    });
    document.getElementById("whatif-area-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.addAtArea(document.getElementById("whatif-area").value);
    });
    this.clearButton.addEventListener("click", () => {
      this.points.forEach((point) => this.layer.removeLayer(point.marker));
      this.points = [];
      this.renderList();
      this.announce(s.pointRemoved);
      this.onChange();
      document.getElementById("whatif-address").focus();
    });
  }

  addAtArea(key) {
    const facts = this.config.areas[key];
    if (!facts?.point) return;
    this.add(facts.point[0], facts.point[1], key);
  }

  add(lon, lat, areaKey = null, label = "") {
    const s = this.strings;
    if (this.points.length >= MAX_POINTS) {
      this.announce(s.maxPoints);
      return;
    }
    const id = this.nextId++;
    const number = this.points.length + 1;
    const icon = L.divIcon({ className: "whatif-marker", html: el("span", {}, String(number)), iconSize: [26, 26] });
    const marker = L.marker([lat, lon], { icon, pane: PANE, keyboard: false, title: fill(s.pointLabel, { n: number }) });
    marker.addTo(this.layer);
    marker.getElement()?.setAttribute("data-whatif", String(id));
    this.points.push({ id, lon, lat, area: areaKey, label, marker });
    this.renderList();
    const area = this.config.areas[areaKey]?.name || label || "";
    this.announce(fill(s.pointAdded, { n: number, area }));
    this.onChange();
  }

  remove(id) {
    const index = this.points.findIndex((point) => point.id === id);
    if (index < 0) return;
    this.layer.removeLayer(this.points[index].marker);
    this.points.splice(index, 1);
    this.renderList();
    this.announce(this.strings.pointRemoved);
    this.onChange();
    const buttons = this.list.querySelectorAll("button");
    (buttons[Math.min(index, buttons.length - 1)] || document.getElementById("whatif-address")).focus();
  }

  renderList() {
    const s = this.strings;
    clear(this.list);
    this.points.forEach((point, index) => {
      const number = index + 1;
      const icon = point.marker.getElement();
      if (icon) {
        icon.firstChild.textContent = String(number);
        icon.title = fill(s.pointLabel, { n: number });
      }
      const area = this.config.areas[point.area]?.name;
      const remove = el("button", { type: "button", className: "link-button", "aria-label": fill(s.removeLabel, { n: number }) }, s.remove);
      remove.addEventListener("click", () => this.remove(point.id));
      this.list.append(
        el("li", { dataset: { whatif: String(point.id) } }, `${fill(s.pointLabel, { n: number })}${area ? ` ${fill(s.pointIn, { area })}` : ""} `, remove),
      );
    });
    if (!this.points.length) this.list.append(el("li", { className: "hint" }, s.noPoints));
    this.clearButton.hidden = this.points.length < 2;
  }

  // POST the points with the current parameters; resolves to the what-if answer (or null if none).
  async compute(parameters) {
    if (!this.points.length) return null;
    const body = { points: this.points.map((point) => [point.lon, point.lat]), weight: 1, ...parameters };
    const answer = await postJson(this.config.api.whatIf, body);
    // The server names each point's planning area: keep it for the list.
    answer.points.forEach((point, index) => {
      if (this.points[index]) this.points[index].area = point.planning_area;
    });
    this.renderList();
    return answer;
  }
}
