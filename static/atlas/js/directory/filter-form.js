import { FILTER_KEYS } from "./url-state.js";

// The directory's filter form: selects and checkboxes apply at once, the search box after a short
// pause or Enter. A ticked checkbox stands for its value ("true"), an unticked one for no filter.
// Locked filters (embed) are hidden inputs and never change.
export class FilterForm {
  constructor(form, onChange) {
    this.form = form;
    this.onChange = onChange;
    this.timer = null;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.changed();
    });
    for (const key of FILTER_KEYS) {
      const field = this.field(key);
      if (!field || field.type === "hidden") continue;
      if (field.tagName === "SELECT" || field.type === "checkbox") field.addEventListener("change", () => this.changed());
      else {
        field.addEventListener("input", () => {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.changed(), 350);
        });
      }
    }
  }

  field(key) {
    const field = this.form.elements.namedItem(key);
    return field instanceof RadioNodeList ? field[0] : field;
  }

  changed() {
    clearTimeout(this.timer);
    this.onChange(this.values());
  }

  values() {
    const values = {};
    for (const key of FILTER_KEYS) {
      const field = this.field(key);
      values[key] = field?.type === "checkbox" ? (field.checked ? field.value : "") : (field?.value || "").trim();
    }
    return values;
  }

  setValues(values) {
    for (const key of FILTER_KEYS) {
      const field = this.field(key);
      if (!field || field.type === "hidden" || values[key] === undefined) continue;
      if (field.type === "checkbox") {
        field.checked = values[key] === field.value;
        continue;
      }
      if (field.tagName === "SELECT" && values[key] && ![...field.options].some((o) => o.value === values[key])) continue;
      field.value = values[key];
    }
  }
}
