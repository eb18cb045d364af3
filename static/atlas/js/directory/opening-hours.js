// "jetzt geöffnet/geschlossen" in Europe/Berlin, the same rule as atlas/directory/opening_hours.py:
// {"mo": [["09:00", "17:00"]], …}; a missing day is closed; an end before the start runs past midnight.
const DAY_KEYS = ["mo", "tu", "we", "th", "fr", "sa", "su"];
const WEEKDAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

function minutes(text) {
  const match = /^(\d{1,2}):(\d{2})$/.exec(String(text));
  if (!match) return null;
  const value = Number(match[1]) * 60 + Number(match[2]);
  return value <= 24 * 60 ? value : null;
}

// Valid [start, end, "HH:MM", "HH:MM"] of one day (start and end in minutes).
function intervals(hours, day) {
  const pairs = (hours || {})[day];
  return (Array.isArray(pairs) ? pairs : [])
    .map((pair) => (Array.isArray(pair) && pair.length === 2 ? [minutes(pair[0]), minutes(pair[1]), String(pair[0]), String(pair[1])] : [null, null]))
    .filter(([start, end]) => start !== null && end !== null && start !== end);
}

export function hasHours(hours) {
  return DAY_KEYS.some((day) => intervals(hours, day).length > 0);
}

// Today's opening times in Berlin as "09:00–13:00" texts (empty: closed today), as the server's today_times.
export function todayTimes(hours, date = new Date()) {
  return intervals(hours, DAY_KEYS[berlinClock(date).weekday]).map(([, , opens, closes]) => `${opens}–${closes}`);
}

// Weekday and minute of the day in Berlin, whatever the visitor's time zone.
export function berlinClock(date = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return { weekday: WEEKDAYS[parts.weekday], minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function isOpen(hours, date = new Date()) {
  const { weekday, minute } = berlinClock(date);
  const today = DAY_KEYS[weekday];
  const yesterday = DAY_KEYS[(weekday + 6) % 7];
  if (intervals(hours, today).some(([start, end]) => (start < end ? start <= minute && minute < end : minute >= start))) return true;
  return intervals(hours, yesterday).some(([start, end]) => end < start && minute < end);
}

// Keeps the status line and today's row of the table current while the page stays open.
export function keepOpeningStatus(config, status, table) {
  const refresh = () => {
    const open = isOpen(config.hours);
    status.textContent = open ? config.strings.open : config.strings.closed;
    status.classList.toggle("is-open", open);
    status.classList.toggle("is-closed", !open);
    const today = DAY_KEYS[berlinClock().weekday];
    table?.querySelectorAll("tr[data-day]").forEach((row) => {
      const isToday = row.dataset.day === today;
      row.classList.toggle("is-today", isToday);
      if (isToday) row.setAttribute("aria-current", "date");
      else row.removeAttribute("aria-current");
    });
  };
  refresh();
  return setInterval(refresh, 60_000);
}
