import { el } from "../shared/dom.js";

// "Did you mean …" under the directory's result count when a search finds nothing: the API's
// `suggestions` (atlas/directory/suggestions.py) of organisations and meeting places, each a button that
// searches for it. Suggestions came from data: they reach the page as DOM text only.
export const MAX_SUGGESTIONS = 3;
const PLACEHOLDER = "{suggestions}";

// The suggestions of several API answers, each query once, in the order given, at most `limit`.
export function mergeSuggestions(lists, limit = MAX_SUGGESTIONS) {
  const seen = new Set();
  const merged = [];
  for (const list of lists) {
    for (const suggestion of Array.isArray(list) ? list : []) {
      const q = typeof suggestion?.q === "string" ? suggestion.q.trim() : "";
      if (!q || seen.has(q)) continue;
      seen.add(q);
      merged.push({ q, label: typeof suggestion.label === "string" ? suggestion.label : q });
    }
  }
  return merged.slice(0, limit);
}

// "Meinten Sie: {suggestions}?" → ["Meinten Sie: ", "?"]; a template without the placeholder puts the
// suggestions after it.
export function templateParts(template) {
  const at = template.indexOf(PLACEHOLDER);
  return at < 0 ? [`${template} `, ""] : [template.slice(0, at), template.slice(at + PLACEHOLDER.length)];
}

export class SearchSuggestions {
  // `after`: the node the line follows; `onChoose(q)` runs the search for a chosen suggestion.
  constructor(after, template, onChoose) {
    this.template = template;
    this.onChoose = onChoose;
    this.node = el("p", { id: "dir-suggestions", className: "search-suggestions", "aria-live": "polite" });
    this.node.hidden = true;
    after.after(this.node);
  }

  show(suggestions) {
    this.node.replaceChildren();
    this.node.hidden = !suggestions.length;
    if (!suggestions.length) return;
    const [before, after] = templateParts(this.template);
    const buttons = suggestions.map((suggestion, index) => [
      index ? ", " : "",
      el("button", { type: "button", className: "link-button", onclick: () => this.onChoose(suggestion.q) }, suggestion.q),
    ]);
    this.node.append(before, ...buttons.flat(), after);
  }
}
