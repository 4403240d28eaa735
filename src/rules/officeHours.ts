/**
 * Is the MASH open at this instant? Pure: the schedule and the bank-holiday
 * lookup are passed in, so the rule is tested at any instant, across both
 * clock changes, without a real clock or a holiday library.
 */
import { cachedFormatter, localWords } from '../time';

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Schedule {
  timeZone: string;
  days: readonly Weekday[];
  /** "09:00" */
  opens: string;
  /** "17:00" */
  closes: string;
  /** Extra closure days, "YYYY-MM-DD" in local time. */
  extraClosures: readonly string[];
}

/** The bank holiday's name on a local date ("YYYY-MM-DD"), or null. */
export type HolidayLookup = (localDate: string) => string | null;

export type OfficeReason = 'open' | 'before-opening' | 'evening' | 'weekend' | 'bank-holiday' | 'closure';

export interface MashStatus {
  open: boolean;
  reason: OfficeReason;
  /** The bank holiday's name when reason is "bank-holiday". */
  holidayName?: string;
  /** The instant it next opens (when closed) or closes (when open). */
  nextChange: Date;
  /** The same in local words: "09:00 on Tuesday 29 December". */
  nextChangeLocal: string;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function localParts(
  at: Date,
  timeZone: string,
): LocalDate & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    cachedFormatter(timeZone, 'numeric')
      .formatToParts(at)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function isoDate(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function weekdayOf(d: LocalDate): Weekday {
  return WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
}

/** The instant at which the wall clock in timeZone shows this local date and time. */
export function localTimeToInstant(d: LocalDate, minutes: number, timeZone: string): Date {
  const wanted = Date.UTC(d.year, d.month - 1, d.day, Math.floor(minutes / 60), minutes % 60);
  let guess = wanted;
  // Two corrections settle any offset; opening times never fall in a clock-change gap.
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wanted - shown;
  }
  return new Date(guess);
}

export function describeLocal(at: Date, timeZone: string): string {
  const w = localWords(at, timeZone);
  return `${w.hour}:${w.minute} on ${w.weekday} ${w.day} ${w.month}`;
}

/** How many days ahead to look for the next opening: longer than any run of closures (Christmas is 4 days). */
const SEARCH_DAYS = 31;

export function mashStatus(at: Date, schedule: Schedule, holidays: HolidayLookup): MashStatus {
  const opens = minutesOf(schedule.opens);
  const closes = minutesOf(schedule.closes);
  const now = localParts(at, schedule.timeZone);
  const today: LocalDate = { year: now.year, month: now.month, day: now.day };
  const minute = now.hour * 60 + now.minute;

  const closedBecause = (d: LocalDate): { reason: OfficeReason; holidayName?: string } | null => {
    const holidayName = holidays(isoDate(d));
    if (holidayName) return { reason: 'bank-holiday', holidayName };
    if (schedule.extraClosures.includes(isoDate(d))) return { reason: 'closure' };
    if (!schedule.days.includes(weekdayOf(d))) return { reason: 'weekend' };
    return null;
  };

  const at2 = (d: LocalDate, m: number) => {
    const instant = localTimeToInstant(d, m, schedule.timeZone);
    return { nextChange: instant, nextChangeLocal: describeLocal(instant, schedule.timeZone) };
  };

  const todayClosed = closedBecause(today);
  if (!todayClosed && minute >= opens && minute < closes) {
    return { open: true, reason: 'open', ...at2(today, closes) };
  }

  let reason: OfficeReason;
  let holidayName: string | undefined;
  if (todayClosed) ({ reason, holidayName } = todayClosed);
  else reason = minute < opens ? 'before-opening' : 'evening';

  let day = !todayClosed && minute < opens ? today : addDays(today, 1);
  for (let i = 0; i < SEARCH_DAYS && closedBecause(day); i++) day = addDays(day, 1);
  if (closedBecause(day)) {
    throw new Error(`No opening day within ${SEARCH_DAYS} days of ${isoDate(today)}: check the office hours`);
  }
  return { open: false, reason, ...(holidayName ? { holidayName } : {}), ...at2(day, opens) };
}
