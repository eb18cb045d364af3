import { fill, formatInteger, joinList } from "../shared/format.js";

// Pure helpers of the public-transport stops (no page needed, unit-tested in tests/js/map/): which
// stops the map shows at a zoom, the letters of their symbol, and their texts.

// A stop of the layer from its GeoJSON feature.
export function toStop(feature) {
  const p = feature.properties || {};
  const [lon, lat] = feature.geometry.coordinates;
  return { id: p.id ?? feature.id, name: p.name || "", modes: p.modes || [], rapid: Boolean(p.rapid_transit), lon, lat };
}

// S-Bahn and U-Bahn stations from their own (lower) zoom, everything else from street zoom.
export function minZoomOf(stop, minZoom) {
  return stop.rapid ? minZoom.rapidTransit : minZoom.other;
}

// The stops to draw at `zoom` inside `bounds` ({west, south, east, north} in degrees).
export function stopsInView(stops, bounds, zoom, minZoom) {
  return stops.filter(
    (stop) =>
      zoom >= minZoomOf(stop, minZoom) &&
      stop.lon >= bounds.west &&
      stop.lon <= bounds.east &&
      stop.lat >= bounds.south &&
      stop.lat <= bounds.north,
  );
}

// The signs people know from the street: S (green circle), U (blue square), R for a station of regional
// trains only, H (Haltestelle) for a bus stop, T for a tram stop.
const SIGNS = [
  ["sbahn", "S"],
  ["ubahn", "U"],
];
const OTHER_SIGNS = [
  ["regional", "R"],
  ["tram", "T"],
  ["bus", "H"],
];

export function symbolSigns(modes) {
  const rail = SIGNS.filter(([mode]) => modes.includes(mode));
  if (rail.length) return rail.map(([mode, letter]) => ({ mode, letter }));
  const other = OTHER_SIGNS.find(([mode]) => modes.includes(mode)) || OTHER_SIGNS[2];
  return [{ mode: other[0], letter: other[1] }];
}

// "S-Bahn, U-Bahn" from the server's translated names (a mode it does not name is left out).
export function modeText(modes, labels) {
  return joinList((modes || []).map((mode) => labels?.[mode]).filter(Boolean));
}

// "350 m Luftlinie" from the server's template "%(metres)s m Luftlinie".
export function distanceText(metres, template) {
  return fill(template, { metres: formatInteger(metres) });
}
