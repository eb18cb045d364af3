import { fetchJson } from "../shared/api.js";

// "In meiner Nähe" (browser geolocation) and "Nahe einer Adresse" (our own geocoder) → a search
// point; the radius select narrows the result. Calls onChange({near, radius}) on every change.
export class NearControls {
  constructor(config, onChange) {
    this.strings = config.strings;
    this.geocodeUrl = config.api.geocode;
    this.onChange = onChange;
    this.near = null;
    this.button = document.getElementById("dir-near-me");
    this.address = document.getElementById("dir-address");
    this.go = document.getElementById("dir-address-go");
    this.radius = document.getElementById("dir-radius");
    this.status = document.getElementById("dir-near-status");
    this.clearButton = document.getElementById("dir-near-clear");
    this.button.addEventListener("click", () => this.locate());
    this.go.addEventListener("click", () => this.lookUp());
    this.address.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.lookUp();
      }
    });
    this.radius.addEventListener("change", () => this.emit());
    this.clearButton.addEventListener("click", () => this.set(null, "", true));
  }

  message(text, isError = false) {
    this.status.textContent = text || "";
    this.status.classList.toggle("error", isError);
  }

  set(near, radius, emit = false) {
    this.near = near;
    if (radius !== undefined && radius !== null) this.radius.value = radius;
    this.clearButton.hidden = !near;
    this.message(near ? this.strings.nearOf.replace("{label}", near.label || this.strings.you) : "");
    if (emit) this.emit();
  }

  emit() {
    this.onChange({ near: this.near, radius: this.near ? this.radius.value : this.radius.value });
  }

  locate() {
    if (!navigator.geolocation) {
      this.message(this.strings.geolocationUnavailable, true);
      this.address.focus();
      return;
    }
    this.message(this.strings.locating);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { longitude: lon, latitude: lat } = position.coords;
        this.set({ lon, lat, label: this.strings.myLocation }, undefined, true);
      },
      (error) => {
        const denied = error.code === error.PERMISSION_DENIED;
        this.message(denied ? this.strings.geolocationDenied : this.strings.geolocationUnavailable, true);
        this.address.focus();
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 },
    );
  }

  async lookUp() {
    const query = this.address.value.trim();
    if (!query) {
      this.address.focus();
      return;
    }
    this.message(this.strings.searching);
    try {
      const result = await fetchJson(`${this.geocodeUrl}?${new URLSearchParams({ q: query })}`);
      this.set({ lon: result.point.lon, lat: result.point.lat, label: result.label || query }, undefined, true);
      // Honest about precision: most addresses are known only to their planning area.
      if (["planning_area", "ortsteil"].includes(result.precision)) {
        this.status.textContent = `${this.status.textContent} ${this.strings.approximateNear}`;
      }
    } catch (error) {
      this.message(`${this.strings.geocodeError} ${error.message}`, true);
    }
  }
}
