// The filter field above the language checkboxes (atlas/moderation/widgets.py LanguageCheckboxes):
// shows it and hides the languages whose names do not match what is typed; ticked languages stay in
// view. Without this module the field stays hidden and the whole list is there.
import { fill, formatInteger } from "../shared/format.js";
import { matchesQuery } from "./language-match.js";

export function setUpLanguageFilter(container) {
  const filter = container.querySelector(".language-filter");
  const input = filter?.querySelector("input");
  const status = filter?.querySelector(".language-filter-status");
  const items = [...container.querySelectorAll("li[data-language-search]")];
  if (!input || !items.length) return;

  const apply = () => {
    let shown = 0;
    for (const item of items) {
      const ticked = item.querySelector("input")?.checked;
      item.hidden = !(ticked || matchesQuery(input.value, item.dataset.languageSearch));
      if (!item.hidden) shown += 1;
    }
    status.textContent = input.value.trim()
      ? fill(status.dataset.countTemplate, { shown: formatInteger(shown), total: formatInteger(items.length) })
      : "";
  };
  input.addEventListener("input", apply);
  // Enter in the filter must not send the form.
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
  filter.hidden = false;
  apply();
}

for (const container of document.querySelectorAll("[data-language-choices]")) setUpLanguageFilter(container);
