// The home's two views on a phone (max-width 48rem): the list (the sidebar, first) or the map at full
// height, switched by two buttons with aria-pressed. On wider screens both show and the switch is
// hidden (home.css). The map keeps its size in both views (hidden, not removed), so it can be fitted
// and zoomed while the list shows. The skip links at the top switch to their view, then move the focus.
export class HomeView {
  // layout: the .home-layout element; map: the Leaflet map; showTab(name): selects a sidebar tab.
  constructor(layout, map, { showTab }) {
    this.layout = layout;
    this.map = map;
    this.showTab = showTab;
    this.buttons = [...layout.querySelectorAll(".view-switch [data-view]")];
    for (const button of this.buttons) button.addEventListener("click", () => this.show(button.dataset.view));
    // "Show on the map" in a list goes to the map first, so the marker is seen when it opens.
    layout.querySelector(".map-controls").addEventListener(
      "click",
      (event) => {
        if (event.target.closest(".item-show")) this.show("map");
      },
      true,
    );
    for (const link of document.querySelectorAll(".skip-link[data-view]")) {
      link.addEventListener("click", (event) => this.skipTo(event, link));
    }
    this.show("list");
  }

  get view() {
    return this.layout.dataset.view;
  }

  show(view) {
    if (this.view === view) return;
    this.layout.dataset.view = view;
    for (const button of this.buttons) button.setAttribute("aria-pressed", String(button.dataset.view === view));
    if (view === "map") this.map.invalidateSize();
  }

  // A skip link: its view (and the directory tab for the search and the list), then focus on its target.
  skipTo(event, link) {
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    this.show(link.dataset.view);
    if (link.dataset.view === "list" && target.closest("[role=tabpanel]")?.hidden) this.showTab("verzeichnis");
    target.focus();
  }
}
