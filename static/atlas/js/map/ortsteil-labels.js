import { placeLabels } from "./label-placement.js";

/* global L */
// The Ortsteile's names on the map show only where they fit: after every zoom, move or change of the
// markers their boxes are measured; a name that would overlap another name or a marker cluster moves
// a little (above, below, beside its centre, staying inside its Ortsteil) or, with no free place, is
// hidden (label-placement.js chooses; larger Ortsteile first). A hidden name comes back as a tooltip
// while the pointer is over its Ortsteil, or, when the map has keyboard focus, for the Ortsteil in the
// map's centre. outlines: the GeoJSON layer of shared/base-map.js ortsteilOutlines.
const CLUSTERS = ".dir-cluster, .event-cluster, .marker-cluster";
const CROWDED = "is-crowded";
const REVEALED = "is-revealed";
// Marker clusters animate for about 300 ms after a zoom; measuring waits for the last change.
const SETTLE_MS = 120;
// The places a name may take, [x in its widths, y in its heights] from the Ortsteil's centre: the
// centre, then above, below, beside, diagonally, and farther away.
const PLACES = [
  [0, 0], [0, -1.2], [0, 1.2], [-0.6, 0], [0.6, 0],
  [-0.6, -1.2], [0.6, -1.2], [-0.6, 1.2], [0.6, 1.2],
  [0, -2.4], [0, 2.4], [-1.2, 0], [1.2, 0], [0, -3.6], [0, 3.6],
];

function shifted(box, dx, dy) {
  return { left: box.left + dx, right: box.right + dx, top: box.top + dy, bottom: box.bottom + dy };
}

// Whether the point on the screen lies inside the drawn shape (SVG renderer): the browser's own test.
function shapeContains(path, x, y) {
  const matrix = path.getScreenCTM?.();
  if (!matrix || !path.isPointInFill) return false;
  return path.isPointInFill(new DOMPoint(x, y).matrixTransform(matrix.inverse()));
}

function extent(layer) {
  const bounds = layer.getBounds();
  return (bounds.getEast() - bounds.getWest()) * (bounds.getNorth() - bounds.getSouth());
}

export class OrtsteilLabels {
  constructor(map, outlines) {
    this.map = map;
    this.outlines = outlines;
    this.timer = null;
    this.frame = 0;
    this.pointer = null;
    this.revealed = null;
    const schedule = () => this.schedule();
    map.on("zoomend moveend resize layeradd layerremove", schedule);
    map.on("mousemove", (event) => this.pointerMoved(event.originalEvent));
    const container = map.getContainer();
    // The DOM's mouseleave, not Leaflet's map "mouseout": Leaflet hands that to a shape under the pointer
    // that listens to it (the planning areas' hover) and the map never hears it.
    container.addEventListener("mouseleave", () => this.pointerLeft());
    // Clusters glide to their places after a zoom (CSS transitions): measure again when they arrive.
    container.addEventListener("transitionend", schedule);
    container.addEventListener("focus", () => this.revealAtCentre());
    container.addEventListener("blur", () => this.reveal(null));
    map.on("moveend", () => {
      if (document.activeElement === container) this.revealAtCentre();
    });
    this.schedule();
  }

  labels() {
    const labels = [];
    if (!this.map.hasLayer(this.outlines)) return labels;
    this.outlines.eachLayer((layer) => {
      const element = layer.getTooltip()?.getElement();
      const path = layer.getElement?.();
      if (element && path) labels.push({ layer, element, path });
    });
    return labels;
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.place(), SETTLE_MS);
  }

  // Measures the names and the clusters, moves the names that collide and hides those without a place.
  place() {
    const labels = this.labels();
    if (!labels.length) return;
    const obstacles = [...this.map.getContainer().querySelectorAll(CLUSTERS)].map((icon) => {
      const box = icon.getBoundingClientRect();
      // markercluster's own icons have a pale halo of 5 px around the number; a name may cover it.
      const halo = icon.classList.contains("marker-cluster") ? 5 : 0;
      return { left: box.left + halo, right: box.right - halo, top: box.top + halo, bottom: box.bottom - halo };
    });
    const candidates = labels.map(({ layer, element, path }, index) => {
      const tooltip = layer.getTooltip();
      const offset = L.point(tooltip.options.offset || [0, 0]);
      const measured = element.getBoundingClientRect();
      const centred = shifted(measured, -offset.x, -offset.y);
      const width = measured.right - measured.left;
      const height = measured.bottom - measured.top;
      const offsets = PLACES.map(([fx, fy]) => L.point(Math.round(fx * width), Math.round(fy * height)));
      // Only places whose middle lies inside the Ortsteil: a name never names its neighbour.
      const places = offsets.map((shift) => {
        const box = shifted(centred, shift.x, shift.y);
        return shapeContains(path, (box.left + box.right) / 2, (box.top + box.bottom) / 2) ? box : null;
      });
      return { id: index, boxes: places, offsets, priority: extent(layer) };
    });
    const chosen = placeLabels(candidates, obstacles);
    labels.forEach(({ layer, element }, index) => {
      const place = chosen.get(index);
      element.classList.toggle(CROWDED, place === undefined);
      // A hidden name is revealed at its centre.
      const offset = place === undefined ? L.point(0, 0) : candidates[index].offsets[place];
      const tooltip = layer.getTooltip();
      if (!offset.equals(L.point(tooltip.options.offset || [0, 0]))) {
        tooltip.options.offset = offset;
        tooltip.update();
      }
    });
    if (this.revealed && !this.revealed.classList.contains(CROWDED)) this.reveal(null);
  }

  // A hidden name at the screen point (x, y), or null.
  crowdedAt(x, y) {
    const label = this.labels().find(({ element, path }) => element.classList.contains(CROWDED) && shapeContains(path, x, y));
    return label ? label.element : null;
  }

  pointerMoved(event) {
    this.pointer = event;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.reveal(this.crowdedAt(this.pointer.clientX, this.pointer.clientY));
    });
  }

  // The pointer left the map: a frame still pending from its last move must not reveal a name again.
  pointerLeft() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pointer = null;
    this.reveal(null);
  }

  revealAtCentre() {
    const container = this.map.getContainer();
    if (!container.matches(":focus-visible")) return;
    const box = container.getBoundingClientRect();
    this.reveal(this.crowdedAt(box.left + box.width / 2, box.top + box.height / 2));
  }

  reveal(element) {
    if (this.revealed === element) return;
    this.revealed?.classList.remove(REVEALED);
    this.revealed = element;
    element?.classList.add(REVEALED);
  }
}
