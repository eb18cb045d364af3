// Tabs of the map sidebar (WAI-ARIA tabs pattern: arrow keys move between tabs, Home/End jump).
export function initTabs(container, onChange) {
  const tabs = [...container.querySelectorAll('[role="tab"]')];
  const select = (tab, focus = false) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) tab.focus();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => {
      select(tab);
      onChange(tab.dataset.tab);
    });
    tab.addEventListener("keydown", (event) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: tabs.length - 1 - index };
      if (!(event.key in moves)) return;
      event.preventDefault();
      // Right-to-left pages mirror the arrow keys.
      const rtl = document.documentElement.dir === "rtl" && event.key.startsWith("Arrow");
      const step = rtl ? -moves[event.key] : moves[event.key];
      const next = tabs[(index + step + tabs.length) % tabs.length];
      select(next, true);
      onChange(next.dataset.tab);
    });
  });
  return {
    show(name) {
      const tab = tabs.find((candidate) => candidate.dataset.tab === name);
      if (tab) select(tab);
    },
    current() {
      return tabs.find((tab) => tab.getAttribute("aria-selected") === "true")?.dataset.tab || "";
    },
  };
}
