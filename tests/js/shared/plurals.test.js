import assert from "node:assert/strict";
import { test } from "node:test";

import { pluralForm, pluralText } from "../../../static/atlas/js/shared/plurals.js";

// Tables as common/plurals.py makes them: the distinct forms and, for 0–199, the form's index.
function table(forms, rule) {
  return { forms, index: Array.from({ length: 200 }, (_, n) => String(rule(n))).join("") };
}

const german = table(["%(count)s Eintrag – hineinzoomen", "%(count)s Einträge – hineinzoomen"], (n) => (n === 1 ? 0 : 1));
// Russian and Ukrainian: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25–30, 111–114).
const russianRule = (n) => (n % 10 === 1 && n % 100 !== 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2);
const russian = table(["%(count)s запись", "%(count)s записи", "%(count)s записей"], russianRule);
// Arabic: zero, one, two, few (n % 100 in 3–10), many (n % 100 in 11–99), other.
const arabicRule = (n) => (n === 0 ? 0 : n === 1 ? 1 : n === 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);
const arabic = table(["zero", "one", "two", "few", "many", "other"], arabicRule);

test("German: one entry, several entries, the count as a German number", () => {
  assert.equal(pluralText(german, 1), "1 Eintrag – hineinzoomen");
  assert.equal(pluralText(german, 6), "6 Einträge – hineinzoomen");
  assert.equal(pluralText(german, 1234), "1.234 Einträge – hineinzoomen");
});

test("counts from 200 on choose like 100 + n % 100, as gettext's rules do", () => {
  for (const n of [0, 1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 121, 201, 211, 1001, 1011, 1022, 10_005, 123_456]) {
    assert.equal(pluralForm(russian, n), russian.forms[russianRule(n)], `russian ${n}`);
    assert.equal(pluralForm(arabic, n), arabic.forms[arabicRule(n)], `arabic ${n}`);
  }
});

test("a table with a single form (a language without plurals) always gives that form", () => {
  const turkishLike = table(["%(count)s kayıt"], () => 0);
  assert.equal(pluralText(turkishLike, 1), "1 kayıt");
  assert.equal(pluralText(turkishLike, 345), "345 kayıt");
});
