import { el } from "../shared/dom.js";
import { formatInteger, joinList, pageLocale } from "../shared/format.js";

// One directory entry (organisation or meeting place) as the list and the popups show it.
// Every text goes through el(), never through innerHTML.
export function toEntry(feature, kind) {
  const p = feature.properties || {};
  const coordinates = feature.geometry?.coordinates;
  return {
    key: `${kind}:${p.slug}`,
    kind,
    id: p.id,
    slug: p.slug,
    name: p.name || "",
    props: p,
    latlng: coordinates ? [coordinates[1], coordinates[0]] : null,
    distance: typeof p.distance_m === "number" ? p.distance_m : null,
  };
}

// Markers and list items are found by kind and id: the map layer knows no more of an entry.
export function markerKey(entry) {
  return `${entry.kind}:${entry.id}`;
}

// One feature of the map layer (atlas/directory/api/map_layer.py: id, category, five decimals) as a
// point on the map, shaped like an entry as far as it goes so colours and kind labels work alike.
export function toMapPoint(feature, kind) {
  const [lon, lat] = feature.geometry.coordinates;
  const category = feature.properties?.category ?? null;
  return {
    kind,
    id: feature.id,
    latlng: [lat, lon],
    props: kind === "organisation" ? { primary_category: category } : { place_type: category },
  };
}

export function detailUrl(entry, config) {
  const pattern = entry.kind === "organisation" ? config.detailUrls.organisation : config.detailUrls.meetingPlace;
  return pattern.replace("__slug__", encodeURIComponent(entry.slug));
}

export function categoryColour(entry, config) {
  if (entry.kind !== "organisation") return "#37474f";
  return config.categories[entry.props.primary_category]?.colour || "#00587a";
}

export function kindLabel(entry, config) {
  const s = config.strings;
  if (entry.kind === "organisation") {
    const names = (entry.props.categories || []).map((key) => config.categories[key]?.name).filter(Boolean);
    return names.length ? joinList(names) : s.organisation;
  }
  return config.placeTypes[entry.props.place_type] || s.meetingPlace;
}

export function sampleBadge(entry, config) {
  return entry.props.is_sample ? el("span", { className: "badge badge-sample" }, config.strings.sample) : null;
}

export function distanceText(entry, config) {
  if (entry.distance === null) return null;
  const s = config.strings;
  // At least a minute: "0 Min." reads as if the place were here.
  const minutes = Math.max(1, entry.props.walking_minutes ?? Math.ceil(entry.distance / 80));
  return `${s.metres.replace("{m}", formatInteger(Math.round(entry.distance)))} · ${s.walking.replace("{min}", minutes)}`;
}

// The short description with the language it is in (the API falls back to German: lang="de"),
// so screen readers pronounce it right.
export function shortDescription(entry, config, className) {
  const text = entry.props.short_description;
  if (!text) return null;
  const lang = entry.props.description_language || pageLocale;
  const rtl = config.languages?.[lang]?.rtl ?? lang === "ar";
  return el("p", { className, lang, dir: rtl ? "rtl" : "ltr" }, text);
}
