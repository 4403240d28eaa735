/**
 * England's bank holidays come from a table generated from date-holidays
 * (src/contacts/bankHolidayTable.ts), so that start-up does not load the
 * package. The table must say exactly what the installed package says.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, holidaysFromPackage, LAST_YEAR, REGIONS } from '../../scripts/bank-holidays';
import { BANK_HOLIDAY_TABLE } from '../../src/contacts/bankHolidayTable';
import { loadAreaContacts } from '../../src/contacts/load';
import { bankHolidayLookup, officeStatus } from '../../src/contacts/hours';
import { mashStatus } from '../../src/rules/officeHours';

const ROOT = path.resolve(__dirname, '../..');

describe('the bank holiday table', () => {
  it('holds every region the generator covers, for every year it covers', () => {
    expect(Object.keys(BANK_HOLIDAY_TABLE).sort()).toEqual([...REGIONS].sort());
    for (const region of REGIONS) {
      expect(BANK_HOLIDAY_TABLE[region]).toMatchObject({ firstYear: FIRST_YEAR, lastYear: LAST_YEAR });
    }
  });

  it('matches the installed date-holidays, day by day (run npm run holidays after updating it)', () => {
    for (const region of REGIONS) {
      const { days } = BANK_HOLIDAY_TABLE[region]!;
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        const inTable = Object.fromEntries(
          Object.entries(days).filter(([date]) => date.startsWith(`${year}-`)),
        );
        expect(inTable, `${region} ${year}`).toEqual(holidaysFromPackage(region, year));
      }
    }
  });

  it('answers the same as the package for England on the days that matter', () => {
    const england = bankHolidayLookup('GB', 'ENG');
    expect(england('2026-12-25')).toBe('Christmas Day');
    expect(england('2026-12-28')).toBe('Boxing Day (substitute day)');
    expect(england('2026-12-29')).toBeNull();
    expect(england('2023-05-08')).toBe("King Charles III's Coronation");
  });

  it('asks the package itself for a year outside the table, and for a region it does not hold', () => {
    expect(bankHolidayLookup('GB', 'ENG')(`${LAST_YEAR + 1}-12-25`)).toBe('Christmas Day');
    expect(bankHolidayLookup('GB', 'SCT')('2026-01-02')).toBe(
      holidaysFromPackage('GB-SCT', 2026)['2026-01-02'],
    );
    expect(bankHolidayLookup('GB', 'SCT')('2026-01-02')).not.toBeNull();
  });

  it('does not load date-holidays when the bot works out whether the MASH is open in England', () => {
    const script = `
      const { loadAreaContacts } = require('./src/contacts/load');
      const { officeStatus } = require('./src/contacts/hours');
      officeStatus(loadAreaContacts(), new Date('2026-12-28T10:00:00Z'));
      const loaded = Object.keys(require.cache).filter((f) => f.includes('/node_modules/date-holidays'));
      process.stdout.write(JSON.stringify(loaded));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([]);
  });
});

describe('the MASH status, worked out once a minute', () => {
  const contacts = loadAreaContacts();
  const schedule = { ...contacts.officeHours, timeZone: contacts.timeZone };
  const england = bankHolidayLookup('GB', 'ENG');
  it('is what the rule says at every instant, across opening, closing and a clock change', () => {
    const instants = [
      '2026-11-25T08:59:59.999Z',
      '2026-11-25T09:00:00.000Z',
      '2026-11-25T09:00:30.000Z',
      '2026-11-25T16:59:59.999Z',
      '2026-11-25T17:00:00.000Z',
      '2026-03-29T00:59:59.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-12-24T16:59:00.000Z',
      '2026-12-24T17:00:00.000Z',
    ].map((s) => new Date(s));
    for (const at of instants) {
      expect(officeStatus(contacts, at), at.toISOString()).toEqual(mashStatus(at, schedule, england));
      // Asked again within the same minute: the same answer.
      expect(officeStatus(contacts, new Date(at.getTime())), at.toISOString()).toEqual(
        mashStatus(at, schedule, england),
      );
    }
  });
});
