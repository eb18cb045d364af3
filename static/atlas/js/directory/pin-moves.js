// Pure helpers of the "place precisely" page (place-page.js): moving the pin by keyboard and reading
// the coordinates typed into the form. No DOM, no Leaflet: unit-tested in Node (tests/js/directory/).

const METRES_PER_DEGREE_LAT = 111_320;

// Arrow key → direction (east, north). Left is always west and up always north: the map's own
// orientation, also on right-to-left pages.
export const ARROWS = {
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

// The point {lat, lon} moved by `metres` in the direction of the arrow key, or null for other keys.
export function movePoint(point, key, metres) {
  const direction = ARROWS[key];
  if (!direction) return null;
  const [east, north] = direction;
  const lat = point.lat + (north * metres) / METRES_PER_DEGREE_LAT;
  const lon = point.lon + (east * metres) / (METRES_PER_DEGREE_LAT * Math.cos((point.lat * Math.PI) / 180));
  return { lat: round6(lat), lon: round6(lon) };
}

export function round6(value) {
  return Math.round(value * 1e6) / 1e6;
}

// "52,5361" or " 52.5361 " → 52.5361; null for anything that is not one plain number.
export function parseCoordinate(text) {
  const cleaned = String(text ?? "").trim().replace(/\s/g, "").replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

// Both fields as a point, or null while either is empty or not a number or out of range.
export function readPoint(latText, lonText) {
  const lat = parseCoordinate(latText);
  const lon = parseCoordinate(lonText);
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

// The value written into a field: six decimals (about 0.1 m), a decimal point as the form accepts both.
export function formatCoordinate(value) {
  return round6(value).toFixed(6);
}
