// Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function wordsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The words of a local date and time: weekday, day, month, year, hour and minute as strings. */
export function localWords(
  at: Date,
  timeZone: string,
): Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = wordsFormatter(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: get('weekday'),
    day: get('day'),
    month: get('month'),
    year: get('year'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** Dates as a practitioner in the area reads them: "Saturday 28 November 2026, 10:15". */
export function formatLocal(at: Date, timeZone: string): string {
  const w = localWords(at, timeZone);
  return `${w.weekday} ${w.day} ${w.month} ${w.year}, ${w.hour}:${w.minute}`;
}
