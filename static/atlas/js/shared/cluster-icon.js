import { pluralText } from "./plurals.js";

/* global L */
// The icon of a marker cluster: the number of markers it holds stays visible, and screen readers hear
// "6 entries – zoom in" in the reader's language (Leaflet makes the icon a focusable button; Enter
// zooms in like a click). label: a plural table from the server (common/plurals.py).
let LabelledDivIcon = null;

function labelledIconClass() {
  LabelledDivIcon ??= L.DivIcon.extend({
    createIcon(oldIcon) {
      const element = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      if (this.options.label) element.setAttribute("aria-label", this.options.label);
      return element;
    },
  });
  return LabelledDivIcon;
}

// An iconCreateFunction for L.markerClusterGroup. className: a string, or a function of the count;
// nested: markercluster's own markup (<div><span>N</span></div>) for its default styles.
export function clusterIcon(label, { className, iconSize = [34, 34], nested = false }) {
  return (cluster) => {
    const count = Number(cluster.getChildCount());
    // A number only: no entry text reaches this HTML.
    const number = `<span>${count}</span>`;
    const Icon = labelledIconClass();
    return new Icon({
      html: nested ? `<div>${number}</div>` : number,
      className: typeof className === "function" ? className(count) : className,
      iconSize,
      label: label ? pluralText(label, count) : "",
    });
  };
}
