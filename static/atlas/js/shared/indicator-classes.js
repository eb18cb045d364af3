// Assigns a value to one of an indicator's classes; classes come from the server (geodata/indicators.py).
export const NO_DATA_COLOUR = "#bdbdbd";

export function classify(value, indicator) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  return (
    indicator.classes.find(
      (cls) => (cls.min === null || value >= cls.min) && (cls.max === null || value < cls.max),
    ) || null
  );
}

export function colourFor(value, indicator) {
  const cls = classify(value, indicator);
  return cls ? cls.colour : NO_DATA_COLOUR;
}
