// Numbers and templates in the page's language. The language is read once from <html lang>; where
// there is no page (unit tests in Node) it is German, the atlas's first language.
export const pageLocale = globalThis.document?.documentElement.lang || "de";

const integer = new Intl.NumberFormat(pageLocale, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(pageLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// "a, b, c" with the language's comma (Arabic writes "،").
export function joinList(items, locale = pageLocale) {
  return items.join(locale === "ar" ? "، " : ", ");
}

// null for a missing value, so callers can show their own "no data".
export function formatInteger(value) {
  return value === null || value === undefined ? null : integer.format(value);
}

export function formatPercent(value) {
  return value === null || value === undefined ? null : `${decimal.format(value)} %`;
}

export function formatDecimal(value) {
  return value === null || value === undefined ? null : decimal.format(value);
}

// Fills a translated template from the server in Python's style: "%(name)s" → values.name
// (a missing value leaves nothing).
export function fill(template, values) {
  return template.replace(/%\((\w+)\)s/g, (_match, name) => String(values[name] ?? ""));
}
