/**
 * The MASH's status for an area's contacts file: the pure rule in
 * rules/officeHours.ts, fed with England's (or the area's) bank holidays
 * from the maintained date-holidays package rather than a hand-kept list.
 *
 * The package holds every country's holiday rules and the calendars they
 * need (Chinese, Hebrew, Islamic…); loading it and working out a first year
 * took about half a second of every start, before the bot could say who to
 * call. The regions the bot ships for are read from a table generated from
 * the package (bankHolidayTable.ts, `npm run holidays`, checked against the
 * package by tests/contacts/bankHolidays.test.ts). Any other region, or a
 * year outside the table, is asked of the package itself, loaded then.
 */
import type HolidaysClass from 'date-holidays';
import { mashStatus, type HolidayLookup, type MashStatus } from '../rules/officeHours';
import { BANK_HOLIDAY_TABLE } from './bankHolidayTable';
import type { AreaContacts } from './schema';

/** Bank holidays by region ("GB-ENG"): the years covered, and each holiday's name by local date. */
export type HolidayTable = Record<
  string,
  { firstYear: number; lastYear: number; days: Record<string, string> }
>;

const lookups = new Map<string, HolidayLookup>();

/** Bank holidays only ("public" in date-holidays), cached per region and year. */
export function bankHolidayLookup(country: string, region?: string): HolidayLookup {
  const key = region ? `${country}-${region}` : country;
  const cached = lookups.get(key);
  if (cached) return cached;
  const table = BANK_HOLIDAY_TABLE[key];
  const fromPackage = packageLookup(country, region);
  const lookup: HolidayLookup = (localDate) => {
    const year = Number(localDate.slice(0, 4));
    if (table && year >= table.firstYear && year <= table.lastYear) return table.days[localDate] ?? null;
    return fromPackage(localDate);
  };
  lookups.set(key, lookup);
  return lookup;
}

/** Straight from date-holidays, which is loaded on first use only. */
function packageLookup(country: string, region?: string): HolidayLookup {
  let source: HolidaysClass | undefined;
  const byYear = new Map<number, Map<string, string>>();
  return (localDate) => {
    const year = Number(localDate.slice(0, 4));
    let days = byYear.get(year);
    if (!days) {
      if (!source) {
        // Loaded here rather than imported: most starts never need it (see above).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Holidays = require('date-holidays') as typeof HolidaysClass;
        source = region ? new Holidays(country, region) : new Holidays(country);
      }
      days = new Map(
        source
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => [h.date.slice(0, 10), h.name]),
      );
      byYear.set(year, days);
    }
    return days.get(localDate) ?? null;
  };
}

/**
 * The status changes only on a whole minute (opening and closing times are
 * "HH:MM", clocks change on the hour), and a turn may ask for it more than
 * once (the contacts block, a topic's contacts line): it is worked out once a
 * minute per contacts file, saving four time-zone conversions each time.
 */
const statusByMinute = new WeakMap<AreaContacts, { minute: number; status: MashStatus }>();

export function officeStatus(contacts: AreaContacts, at: Date): MashStatus {
  const minute = Math.floor(at.getTime() / 60_000);
  const cached = statusByMinute.get(contacts);
  if (cached && cached.minute === minute) return cached.status;
  const hours = contacts.officeHours;
  const holidays: HolidayLookup = hours.bankHolidays
    ? bankHolidayLookup(hours.bankHolidays.country, hours.bankHolidays.region)
    : () => null;
  const status = mashStatus(at, { ...hours, timeZone: contacts.timeZone }, holidays);
  statusByMinute.set(contacts, { minute, status });
  return status;
}
