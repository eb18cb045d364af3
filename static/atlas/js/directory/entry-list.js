import { clear, el, highlightItem } from "../shared/dom.js";
import { categoryColour, detailUrl, kindLabel, markerKey, sampleBadge, shortDescription } from "./entries.js";
import { resultSummary } from "./result-summary.js";

// The list of entries beside the map. Each item can show its marker and links to its page, so
// nothing needs the map: the list is the keyboard and screen-reader way through the directory.
// It grows a page at a time ("more", directory.js); items are found by markerKey().

export class EntryList {
  constructor(container, config, onShow) {
    this.container = container;
    this.config = config;
    this.onShow = onShow;
    this.items = new Map();
    this.origin = null;
  }

  // `origin`: the search point of "near" ({lat, lon}) where walking directions start, or null.
  render(entries, origin = null) {
    clear(this.container);
    this.items.clear();
    this.origin = origin;
    return this.append(entries);
  }

  // Adds entries at the end; returns the first new item (null when there is none).
  append(entries) {
    let first = null;
    const s = this.config.strings;
    for (const entry of entries) {
      const swatch = el("span", { className: `entry-symbol ${entry.kind}`, "aria-hidden": "true" });
      swatch.style.backgroundColor = categoryColour(entry, this.config);
      const link = el("a", { href: detailUrl(entry, this.config), className: "item-name" }, entry.name);
      if (this.config.embed) {
        link.target = "_blank";
        link.rel = "noopener";
      }
      const show = entry.latlng
        ? el("button", {
            type: "button",
            className: "link-button item-show",
            "aria-label": `${s.showOnMap}: ${entry.name}`,
            onclick: () => this.onShow(entry),
          }, s.showOnMap)
        : null;
      const item = el(
        "li",
        { className: "directory-item", dataset: { key: entry.key, kind: entry.kind, slug: entry.slug } },
        el("div", { className: "item-head" }, swatch, link, sampleBadge(entry, this.config)),
        el("div", { className: "item-meta" }, kindLabel(entry, this.config), entry.props.ortsteil ? ` · ${entry.props.ortsteil}` : ""),
        shortDescription(entry, this.config, "item-description"),
        resultSummary(entry, this.config, { origin: this.origin, distanceClass: "item-distance", layout: "list" }),
        show,
      );
      this.items.set(markerKey(entry), item);
      this.container.append(item);
      first ??= item;
    }
    return first;
  }

  highlight(key) {
    highlightItem(this.items, key);
  }
}
