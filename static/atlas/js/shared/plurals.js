import { fill, formatInteger } from "./format.js";

// Texts with a count in the reader's language, from a table the server made with ngettext
// (common/plurals.py): {forms: ["%(count)s Eintrag", "%(count)s Einträge"], index: "1011…"}, where
// index[n] is the form gettext chose for n (0–199); from 200 on a count chooses like 100 + n % 100.
const SAMPLED_COUNTS = 200;

export function pluralForm(table, count) {
  const n = Math.abs(Math.trunc(count));
  const sample = n < SAMPLED_COUNTS ? n : 100 + (n % 100);
  const form = table.forms[Number(table.index[sample])];
  return form ?? table.forms[table.forms.length - 1];
}

// The form for count with "%(count)s" filled in as a number of the page's language.
export function pluralText(table, count) {
  return fill(pluralForm(table, count), { count: formatInteger(count) });
}
