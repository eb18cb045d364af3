import { clear, el, highlightItem } from "../shared/dom.js";
import { categoryColour, detailUrl, distanceText, kindLabel, languageList, sampleBadge, shortDescription } from "./entries.js";

// The list of entries beside the map. Each item can show its marker and links to its page, so
// nothing needs the map: the list is the keyboard and screen-reader way through the directory.
const RENDER_LIMIT = 300;

export class EntryList {
  constructor(container, config, onShow) {
    this.container = container;
    this.config = config;
    this.onShow = onShow;
    this.items = new Map();
  }

  render(entries) {
    clear(this.container);
    this.items.clear();
    const s = this.config.strings;
    for (const entry of entries.slice(0, RENDER_LIMIT)) {
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
      const distance = distanceText(entry, this.config);
      const item = el(
        "li",
        { className: "directory-item", dataset: { key: entry.key, kind: entry.kind, slug: entry.slug } },
        el("div", { className: "item-head" }, swatch, link, sampleBadge(entry, this.config)),
        el("div", { className: "item-meta" }, kindLabel(entry, this.config), entry.props.ortsteil ? ` · ${entry.props.ortsteil}` : ""),
        distance ? el("div", { className: "item-distance" }, distance) : null,
        shortDescription(entry, this.config, "item-description"),
        languageList(entry, this.config),
        show,
      );
      this.items.set(entry.key, item);
      this.container.append(item);
    }
  }

  highlight(key) {
    highlightItem(this.items, key);
  }
}
