/**
 * The MASH's status for an area's contacts file: the pure rule in
 * rules/officeHours.ts, fed with England's (or the area's) bank holidays
 * from the maintained date-holidays package rather than a hand-kept list.
 */
import Holidays from 'date-holidays';
import { mashStatus, type HolidayLookup, type MashStatus } from '../rules/officeHours';
import type { AreaContacts } from './schema';

const lookups = new Map<string, HolidayLookup>();

/** Bank holidays only ("public" in date-holidays), cached per region and year. */
export function bankHolidayLookup(country: string, region?: string): HolidayLookup {
  const key = `${country}-${region ?? ''}`;
  const cached = lookups.get(key);
  if (cached) return cached;
  const source = region ? new Holidays(country, region) : new Holidays(country);
  const byYear = new Map<number, Map<string, string>>();
  const lookup: HolidayLookup = (localDate) => {
    const year = Number(localDate.slice(0, 4));
    let days = byYear.get(year);
    if (!days) {
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
  lookups.set(key, lookup);
  return lookup;
}

export function officeStatus(contacts: AreaContacts, at: Date): MashStatus {
  const hours = contacts.officeHours;
  const holidays: HolidayLookup = hours.bankHolidays
    ? bankHolidayLookup(hours.bankHolidays.country, hours.bankHolidays.region)
    : () => null;
  return mashStatus(at, { ...hours, timeZone: contacts.timeZone }, holidays);
}
