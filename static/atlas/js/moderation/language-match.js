// Matching of the language filter (language-filter.js): case, accents and Arabic vowel marks do not
// count, so "turk" finds "Türkçe" and "Türkisch", "arab" finds "Arabisch".

export function foldText(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("und")
    .trim();
}

// Whether every word of the query occurs in the text (both folded).
export function matchesQuery(query, text) {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const haystack = foldText(text);
  return words.every((word) => haystack.includes(word));
}
