import { fetchJson } from "../shared/api.js";
import { clear, el } from "../shared/dom.js";
import { formatDecimal, formatInteger, formatPercent } from "../shared/format.js";

// The side panel with the figures of a planning area or Ortsteil and their sources.
const AGE_LABELS = [
  ["below_6", "ageBelow6"],
  ["6_15", "age6to15"],
  ["15_18", "age15to18"],
  ["18_27", "age18to27"],
  ["27_45", "age27to45"],
  ["45_55", "age45to55"],
  ["55_65", "age55to65"],
  ["above_65", "ageAbove65"],
];

export class DetailPanel {
  constructor(config) {
    this.config = config;
    this.strings = config.strings;
    this.panel = document.getElementById("detail-panel");
    this.content = document.getElementById("detail-content");
    document.getElementById("detail-close").addEventListener("click", () => this.close());
    this.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.close();
    });
    this.returnFocus = null;
  }

  open(nodes) {
    this.returnFocus = document.activeElement;
    clear(this.content).append(...nodes.filter(Boolean));
    this.panel.hidden = false;
    const heading = this.content.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  close() {
    this.panel.hidden = true;
    if (this.returnFocus && this.returnFocus.focus) this.returnFocus.focus();
  }

  figure(label, value, share) {
    const shown = value === null || value === undefined ? this.strings.noData : value;
    return [el("dt", {}, label), el("dd", {}, share ? `${shown} (${share})` : shown)];
  }

  async showPlanningArea(key) {
    const s = this.strings;
    this.open([el("p", { className: "hint" }, s.loading)]);
    let feature;
    try {
      feature = await fetchJson(`${this.config.api.planningAreas}${encodeURIComponent(key)}/`);
    } catch (error) {
      this.open([el("p", { className: "error", role: "alert" }, `${s.loadError} ${error.message}`)]);
      return;
    }
    const p = feature.properties;
    const nodes = [
      el("p", { className: "panel-kicker" }, `${s.planningArea} ${p.key}`),
      el("h2", { className: "panel-title", "data-planning-area": p.key }, p.name),
      el("p", { className: "panel-sub" }, `${s.ortsteil}: ${p.ortsteil}`),
      el(
        "dl",
        { className: "figures" },
        this.figure(s.residents, formatInteger(p.residents)),
        this.figure(s.migrationBackground, formatInteger(p.migration_background), formatPercent(p.migration_background_share)),
        this.figure(s.foreigners, formatInteger(p.foreigners), formatPercent(p.foreigners_share)),
        this.figure(s.female, formatInteger(p.female)),
        this.figure(s.mssStatus, p.mss_status_index ? `${p.mss_status_index} – ${p.mss_status_label}` : null),
        this.figure(s.mssDynamics, p.mss_dynamics_label),
        this.figure(s.unemployment, formatPercent(p.unemployment)),
        this.figure(s.transferBenefits, formatPercent(p.transfer_benefits)),
        this.figure(s.childPoverty, formatPercent(p.child_poverty)),
        this.figure(s.municipalHousing, formatPercent(p.municipal_housing_share)),
        this.figure(s.area, p.area_km2 === undefined ? null : `${formatDecimal(p.area_km2)} ${s.km2}`),
      ),
    ];
    nodes.push(this.profileLink("planningArea", p.key));
    if (p.age_groups) nodes.push(this.ageTable(p.age_groups, p.residents));
    if (p.origin) nodes.push(this.originList(p.origin));
    nodes.push(this.sourceList(p.sources));
    this.open(nodes);
  }

  showOrtsteil(properties) {
    const s = this.strings;
    this.open([
      el("p", { className: "panel-kicker" }, `${s.ortsteil} ${properties.key}`),
      el("h2", { className: "panel-title" }, properties.name),
      el(
        "dl",
        { className: "figures" },
        this.figure(s.residents, formatInteger(properties.residents)),
        this.figure(s.migrationBackground, formatPercent(properties.migration_background_share)),
        this.figure(s.foreigners, formatPercent(properties.foreigners_share)),
        this.figure(s.area, properties.area_km2 === undefined ? null : `${formatDecimal(properties.area_km2)} ${s.km2}`),
      ),
      this.profileLink("ortsteil", properties.key),
      this.sourceList(properties.sources || (properties.source ? [properties.source] : [])),
    ]);
  }

  // A link to the profile page of the planning area or Ortsteil (figures compared with the district).
  profileLink(kind, key) {
    const pattern = this.config.profiles?.[kind];
    if (!pattern || !key) return null;
    return el("p", { className: "panel-profile" }, el("a", { href: pattern.replace("__key__", encodeURIComponent(key)) }, this.strings.openProfile));
  }

  ageTable(groups, residents) {
    const s = this.strings;
    const body = el("tbody");
    for (const [key, labelKey] of AGE_LABELS) {
      const value = groups[key];
      const share = residents ? formatPercent((100 * value) / residents) : null;
      body.append(el("tr", {}, el("th", { scope: "row" }, s[labelKey]), el("td", { className: "num" }, formatInteger(value)), el("td", { className: "num" }, share)));
    }
    return el(
      "table",
      { className: "data-table compact" },
      el("caption", {}, s.ageGroups),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, s.ageGroups), el("th", { scope: "col" }, s.persons), el("th", { scope: "col" }, "%"))),
      body,
    );
  }

  originList(origin) {
    // Umbrella regions with the states inside them; sub-groups are contained in their umbrella.
    const labels = this.config.originLabels || {};
    const label = (key) => labels[key] || key.replaceAll("_", " ");
    const items = (this.config.originHierarchy || []).map(([umbrella, members]) => {
      const present = members.filter((key) => origin[key]);
      return el(
        "li",
        {},
        `${label(umbrella)}: ${formatInteger(origin[umbrella] ?? 0)}`,
        present.length
          ? el("ul", {}, present.map((key) => el("li", {}, `${label(key)}: ${formatInteger(origin[key])}`)))
          : null,
      );
    });
    return el("section", { className: "origin" }, el("h3", {}, this.strings.origin), el("ul", {}, items));
  }

  sourceList(sources) {
    const items = (sources || []).map((source) =>
      typeof source === "string"
        ? el("li", {}, source)
        : el("li", {}, `${source.attribution} (${source.licence}, ${source.vintage})`),
    );
    return el("section", { className: "panel-sources" }, el("h3", {}, this.strings.sources), el("ul", {}, items));
  }
}
