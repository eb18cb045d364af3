import { fetchJson } from "../shared/api.js";
import { clear, el } from "../shared/dom.js";
import { fill, formatInteger, formatPercent, pageLocale } from "../shared/format.js";
import { countedLines } from "./planner-state.js";

// The ranked list "Wo Vernetzung gebraucht wird": one row per planning area, sorted by the current
// rank (after the what-if points, if any); each name is a disclosure button revealing the figures
// behind the rank (WAI-ARIA disclosure pattern): figures, and the entries its catchment counts with
// their distances (onFigures(key, answer) lets the map ring them; answer null when closed). Beside access
// to the supply, the area's access to public transport (from the page config, planning/transit/); the gap
// score stays last. Built from text only (shared/dom.js `el`).
const gapFormat = new Intl.NumberFormat(pageLocale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const accessFormat = new Intl.NumberFormat(pageLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export class RankedList {
  constructor(config, { onPlaceAt, onFigures = () => {} }) {
    this.config = config;
    this.strings = config.strings;
    this.body = document.getElementById("ranked-body");
    this.expanded = new Set();
    this.figureCache = new Map();
    this.onPlaceAt = onPlaceAt;
    this.onFigures = onFigures;
    this.query = "";
    this.rows = [];
  }

  // rows: [{key, name, ortsteil, need, relative_access, access, gap_score, rank, class, demand_points,
  //         after: {rank, gap_score, class, access} | null}]
  render(rows, query) {
    this.rows = rows;
    this.query = query;
    clear(this.body);
    const sorted = [...rows].sort((a, b) => (a.after?.rank ?? a.rank) - (b.after?.rank ?? b.rank));
    for (const row of sorted) {
      this.body.append(this.row(row));
      const details = this.detailsRow(row);
      this.body.append(details);
      if (this.expanded.has(row.key)) this.fillDetails(row, details.firstChild);
    }
  }

  row(row) {
    const s = this.strings;
    const after = row.after;
    const id = `details-${row.key}`;
    const toggle = el(
      "button",
      {
        type: "button",
        className: "link-button row-toggle",
        "aria-expanded": String(this.expanded.has(row.key)),
        "aria-controls": id,
        title: fill(s.detailsOf, { name: row.name }),
      },
      row.name,
    );
    toggle.addEventListener("click", () => this.toggle(row, toggle));
    let rankCell;
    let gapCell;
    if (after) {
      const change = after.rank === row.rank ? "same" : after.rank > row.rank ? "better" : "worse";
      rankCell = el(
        "td",
        { className: `num rank-change rank-${change}` },
        el("span", { "aria-hidden": "true" }, `${row.rank} → ${after.rank}`),
        el("span", { className: "visually-hidden" }, fill(s.rankChange, { before: row.rank, after: after.rank })),
        change === "same" ? null : el("span", { className: "visually-hidden" }, ` (${change === "better" ? s.rankBetter : s.rankWorse})`),
      );
      gapCell = el("td", { className: "num nowrap" }, `${gapFormat.format(row.gap_score)} → ${gapFormat.format(after.gap_score)}`);
    } else {
      rankCell = el("td", { className: "num" }, String(row.rank));
      gapCell = el("td", { className: "num" }, gapFormat.format(row.gap_score));
    }
    const cls = after ? after.class : row.class;
    const transit = (this.config.areas[row.key] || {}).transitAccess;
    return el(
      "tr",
      { dataset: { key: row.key, rank: String(after ? after.rank : row.rank) }, className: "ranked-row" },
      rankCell,
      el(
        "th",
        { scope: "row" },
        el("span", { className: `class-chip class-${cls}`, title: `${s.gapClass} ${cls}` }, el("span", { className: "visually-hidden" }, `${s.gapClass} `), String(cls)),
        " ",
        toggle,
        el("span", { className: "row-ortsteil" }, row.ortsteil),
      ),
      el("td", { className: "num" }, formatInteger(row.need)),
      el("td", { className: "num" }, formatInteger(100 * (after ? after.relative_access : row.relative_access))),
      el("td", { className: "num transit-cell" }, transit === null || transit === undefined ? s.noData : `${formatInteger(transit)} %`),
      gapCell,
    );
  }

  detailsRow(row) {
    const cell = el("td", { colspan: "6" });
    return el("tr", { id: `details-${row.key}`, className: "details-row", hidden: !this.expanded.has(row.key), dataset: { key: row.key } }, cell);
  }

  toggle(row, button) {
    const open = !this.expanded.has(row.key);
    const details = document.getElementById(`details-${row.key}`);
    button.setAttribute("aria-expanded", String(open));
    details.hidden = !open;
    if (open) {
      this.expanded.add(row.key);
      this.fillDetails(row, details.firstChild);
    } else {
      this.expanded.delete(row.key);
      this.onFigures(row.key, null);
    }
  }

  expand(key) {
    const button = this.body.querySelector(`tr.ranked-row[data-key="${CSS.escape(key)}"] .row-toggle`);
    if (!button) return;
    if (!this.expanded.has(key)) button.click();
    button.focus();
    button.scrollIntoView({ block: "nearest" });
  }

  fillDetails(row, cell) {
    const s = this.strings;
    const facts = this.config.areas[row.key] || {};
    const figure = (label, value) => [el("dt", {}, label), el("dd", {}, value ?? s.noData)];
    const supply = el("dd", { className: "supply-in-reach" }, s.loading);
    const list = el(
      "dl",
      { className: "figures" },
      figure(s.residents, formatInteger(facts.residents)),
      figure(s.migrationBackground, facts.migrationBackground === null || facts.migrationBackground === undefined
        ? null : `${formatInteger(facts.migrationBackground)} (${formatPercent(facts.migrationBackgroundShare)})`),
      figure(s.mssStatus, facts.mssStatus ? `${facts.mssStatus} – ${facts.mssLabel}` : null),
      figure(s.needWeighted, formatInteger(row.need)),
      figure(s.accessAbsolute, accessFormat.format(1000 * row.access) + (row.after ? ` → ${accessFormat.format(1000 * row.after.access)}` : "")),
      figure(s.accessIndex, formatInteger(100 * row.relative_access) + (row.after ? ` → ${formatInteger(100 * row.after.relative_access)}` : "")),
      el("dt", {}, fill(s.supplyInReach, { metres: formatInteger(this.currentCatchment()) })),
      supply,
      figure(s.demandPoints, formatInteger(row.demand_points)),
      figure(s.transitAccess, formatPercent(facts.transitAccess)),
      figure(s.transitReach, formatPercent(facts.transitReach)),
      figure(s.railDistance, facts.railDistance === null || facts.railDistance === undefined ? null : `${formatInteger(facts.railDistance)} m`),
    );
    const profile = el("a", { href: this.config.api.profile.replace("__key__", encodeURIComponent(row.key)) }, s.openProfile);
    const place = el("button", { type: "button", className: "link-button" }, s.placeHere);
    place.addEventListener("click", () => this.onPlaceAt(row.key));
    const counted = el("div", { className: "counted", "aria-live": "polite" });
    clear(cell).append(list, counted, el("p", { className: "details-actions" }, profile, " · ", place));
    this.loadSupply(row.key, supply, counted);
  }

  currentCatchment() {
    const params = new URLSearchParams(this.query);
    return Number(params.get("catchment") || this.config.defaults.catchment);
  }

  async loadSupply(key, target, counted) {
    const s = this.strings;
    const url = `${this.config.api.figures.replace("__key__", encodeURIComponent(key))}?${this.query}`;
    try {
      let answer = this.figureCache.get(url);
      if (!answer) {
        answer = await fetchJson(url);
        this.figureCache.set(url, answer);
      }
      const kinds = Object.entries(answer.by_kind).map(([kind, count]) => `${s.supplyKinds[kind] || kind} ${formatInteger(count)}`);
      const near = fill(s.supplyZones, { near: formatInteger(answer.zones_m[0]), count: formatInteger(answer.by_zone[0]) });
      target.textContent = `${formatInteger(answer.supply_in_reach)}${kinds.length ? ` (${kinds.join(", ")})` : ""}; ${near}`;
      this.renderCounted(key, answer, counted);
      if (this.expanded.has(key)) this.onFigures(key, answer);
    } catch (error) {
      target.textContent = `${s.loadError} ${error.message}`;
    }
  }

  // The entries the catchment counts, nearest first: name (linked), kind, distance, weight.
  renderCounted(key, answer, container) {
    const s = this.strings;
    const lines = countedLines(answer, s, formatInteger);
    const heading = fill(s.countedEntries, { count: formatInteger(lines.length), metres: formatInteger(answer.catchment) });
    if (!lines.length) {
      clear(container).append(el("p", { className: "hint" }, s.noneCounted));
      return;
    }
    const items = lines.map((line) =>
      el(
        "li",
        { dataset: { kind: line.kind, id: String(line.id) } },
        line.url ? el("a", { href: line.url }, el("bdi", {}, line.name)) : el("bdi", {}, line.name),
        line.sample ? el("span", { className: "badge badge-sample" }, s.sample) : null,
        el("span", { className: "counted-meta" }, ` ${line.meta}${line.exact ? "" : ` · ${s.locationArea}`}`),
      ),
    );
    clear(container).append(
      el("details", { className: "counted-entries", open: true, dataset: { key } }, el("summary", {}, heading), el("ol", {}, items), el("p", { className: "hint" }, s.countedNote)),
    );
  }
}
