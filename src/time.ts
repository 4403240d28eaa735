// Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function cachedFormatter(timeZone: string, style: 'words' | 'numeric'): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      'en-GB',
      style === 'words'
        ? {
            timeZone,
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }
        : {
            timeZone,
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
            hourCycle: 'h23',
          },
    );
    formatters.set(key, f);
  }
  return f;
}

/** The words of a local date and time: weekday, day, month, year, hour and minute as strings. */
export function localWords(
  at: Date,
  timeZone: string,
): Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = cachedFormatter(timeZone, 'words').formatToParts(at);
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
