import { fill } from "../shared/format.js";
import { NO_DATA_COLOUR, classify } from "../shared/indicator-classes.js";

// The planner's pure part: its parameters as a query and the rows of its list and map.

// The parameters that differ from the analysis' defaults, as a query string (for /api/coverage/,
// the CSV link and the address bar). params: {catchment, need, mss_weight, supply_types: "a,b"}.
export function parameterQuery(params, defaults) {
  const search = new URLSearchParams();
  if (params.catchment !== defaults.catchment) search.set("catchment", String(params.catchment));
  if (params.need !== defaults.need) search.set("need", params.need);
  if (params.mss_weight !== defaults.mss_weight) search.set("mss_weight", String(params.mss_weight));
  if (params.supply_types) search.set("supply_types", params.supply_types);
  return search.toString();
}

// What colours the map ("Karte färben nach"): "" = the gap classes, else the key of one of the page's
// indicators. Kept in the address as `colour=<key>` after the parameters, never sent to the API.
export function colourChoice(search, indicators) {
  const key = new URLSearchParams(search).get("colour") || "";
  return indicators.some((indicator) => indicator.key === key) ? key : "";
}

// The address' query: the parameters' query (parameterQuery) and the colouring unless it is the gap.
export function addressQuery(parameterSearch, colour) {
  const search = new URLSearchParams(parameterSearch);
  if (colour) search.set("colour", colour);
  return search.toString();
}

// The colour of each planning area (keys) by an indicator {classes, values: {key: value}}, and how many
// areas fall in each class (by class index, and "noData") for the legend.
export function indicatorColours(indicator, keys) {
  const colours = new Map();
  const counts = { noData: 0 };
  for (const key of keys) {
    const cls = classify(indicator.values?.[key] ?? null, indicator);
    const index = cls ? indicator.classes.indexOf(cls) : "noData";
    counts[index] = (counts[index] || 0) + 1;
    colours.set(key, cls ? cls.colour : NO_DATA_COLOUR);
  }
  return { colours, counts };
}

// One row per planning area of the coverage answer: its properties, and under `after` its figures
// once the what-if points are counted (null when the what-if answer does not name the area).
// The relative access after is measured against the what-if answer's reference access.
export function coverageRows(coverage, whatIf) {
  const after = new Map((whatIf?.areas || []).map((area) => [area.key, area]));
  const reference = whatIf?.reference_access;
  return coverage.features.map((feature) => {
    const p = feature.properties;
    const changed = after.get(p.key);
    return {
      ...p,
      after: changed
        ? {
            rank: changed.rank_after,
            gap_score: changed.gap_score_after,
            class: changed.class_after,
            access: changed.access_after,
            relative_access: reference ? changed.access_after / reference : p.relative_access,
          }
        : null,
    };
  });
}

// The colour of a gap class (classes: [{value, colour}] from the server); grey when there is none.
export function gapClassColour(classes, value) {
  return classes.find((cls) => cls.value === value)?.colour || NO_DATA_COLOUR;
}

// How an entry of a catchment counts (its distance zone's weight): "zählt voll" or "zählt zu 68 %".
// strings: {countsFull, countsPart: "… %(percent)s …"}; percent in the page's number format.
export function weightText(weight, strings, formatNumber = String) {
  if (weight >= 1) return strings.countsFull;
  return fill(strings.countsPart, { percent: formatNumber(Math.round(weight * 100)) });
}

// The entries a catchment counts (the figures answer), nearest first, each with the line the list
// shows after its name: kind · distance · weight, e.g. "Treffpunkt · 80 m · zählt voll".
export function countedLines(answer, strings, formatNumber = String) {
  return (answer?.entries || []).map((entry) => ({
    ...entry,
    meta: [strings.supplyKind[entry.kind] || entry.kind, fill(strings.metres, { metres: formatNumber(entry.distance_m) }), weightText(entry.weight, strings, formatNumber)].join(" · "),
  }));
}
