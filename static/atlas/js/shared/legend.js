import { clear, el } from "./dom.js";
import { NO_DATA_COLOUR } from "./indicator-classes.js";

// Renders the legend of the active indicator: one swatch and label per class, plus "no data".
export function renderLegend(container, indicator, strings, counts) {
  clear(container);
  if (!indicator) return;
  container.append(el("h2", { className: "legend-title" }, indicator.label));
  const list = el("ul", { className: "legend-classes" });
  const row = (colour, label, count) =>
    el(
      "li",
      { dataset: { colour } },
      el("span", { className: "swatch", "aria-hidden": "true", dataset: { colour } }),
      el("span", { className: "legend-label" }, label),
      count === undefined ? null : el("span", { className: "legend-count" }, `(${count})`),
    );
  indicator.classes.forEach((cls, index) => list.append(row(cls.colour, cls.label, counts?.[index])));
  list.append(row(NO_DATA_COLOUR, strings.noDataLegend, counts?.noData));
  container.append(list);
  container.append(el("p", { className: "legend-source" }, indicator.source_note));
  // Swatch colours are set through the CSSOM, which the Content-Security-Policy allows.
  container.querySelectorAll(".swatch").forEach((swatch) => {
    swatch.style.backgroundColor = swatch.dataset.colour;
  });
}
