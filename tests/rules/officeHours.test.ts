import { describe, expect, it } from 'vitest';
import { officeStatus } from '../../src/contacts/hours';
import { loadAreaContacts } from '../../src/contacts/load';
import { mashStatus, type OfficeReason } from '../../src/rules/officeHours';

const portsmouth = loadAreaContacts();
const at = (iso: string) => new Date(iso);

type Row = [
  when: string,
  instant: string,
  open: boolean,
  reason: OfficeReason,
  next: string,
  holiday?: string,
];

describe('is the MASH open? (Europe/London, Monday to Friday 09:00–17:00, closed on bank holidays)', () => {
  const table: Row[] = [
    // edges of a winter weekday (GMT = UTC)
    ['08:59 on a weekday', '2026-11-25T08:59:00Z', false, 'before-opening', '09:00 on Wednesday 25 November'],
    ['09:00 on a weekday', '2026-11-25T09:00:00Z', true, 'open', '17:00 on Wednesday 25 November'],
    ['16:59 on a weekday', '2026-11-25T16:59:59Z', true, 'open', '17:00 on Wednesday 25 November'],
    ['17:00 on a weekday', '2026-11-25T17:00:00Z', false, 'evening', '09:00 on Thursday 26 November'],
    ['23:30 on a weekday', '2026-11-25T23:30:00Z', false, 'evening', '09:00 on Thursday 26 November'],
    ['Friday 17:00', '2026-11-27T17:00:00Z', false, 'evening', '09:00 on Monday 30 November'],
    ['Saturday 22:00', '2026-11-28T22:00:00Z', false, 'weekend', '09:00 on Monday 30 November'],
    ['Sunday 12:00', '2026-11-29T12:00:00Z', false, 'weekend', '09:00 on Monday 30 November'],
    // summer time (BST = UTC+1)
    ['08:59 BST', '2026-07-01T07:59:00Z', false, 'before-opening', '09:00 on Wednesday 1 July'],
    ['09:00 BST', '2026-07-01T08:00:00Z', true, 'open', '17:00 on Wednesday 1 July'],
    ['16:59 BST', '2026-07-01T15:59:00Z', true, 'open', '17:00 on Wednesday 1 July'],
    ['17:00 BST', '2026-07-01T16:00:00Z', false, 'evening', '09:00 on Thursday 2 July'],
    // the clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026
    [
      'Friday before the clocks go forward',
      '2026-03-27T17:00:00Z',
      false,
      'evening',
      '09:00 on Monday 30 March',
    ],
    ['the night the clocks go forward', '2026-03-29T00:30:00Z', false, 'weekend', '09:00 on Monday 30 March'],
    ['Monday 09:30 BST after the change', '2026-03-30T08:30:00Z', true, 'open', '17:00 on Monday 30 March'],
    [
      'Friday before the clocks go back',
      '2026-10-23T16:30:00Z',
      false,
      'evening',
      '09:00 on Monday 26 October',
    ],
    [
      'Monday 08:30 GMT after the change',
      '2026-10-26T08:30:00Z',
      false,
      'before-opening',
      '09:00 on Monday 26 October',
    ],
    ['Monday 09:00 GMT after the change', '2026-10-26T09:00:00Z', true, 'open', '17:00 on Monday 26 October'],
    ['the clocks go back in 2027', '2027-10-29T16:30:00Z', false, 'evening', '09:00 on Monday 1 November'],
    // every England bank holiday of 2026
    [
      "New Year's Day 2026",
      '2026-01-01T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Friday 2 January',
      "New Year's Day",
    ],
    [
      'Good Friday 2026',
      '2026-04-03T09:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 7 April',
      'Good Friday',
    ],
    [
      'Easter Monday 2026',
      '2026-04-06T11:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 7 April',
      'Easter Monday',
    ],
    [
      'Early May bank holiday 2026',
      '2026-05-04T09:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 5 May',
      'Early May bank holiday',
    ],
    [
      'Spring bank holiday 2026',
      '2026-05-25T09:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 26 May',
      'Spring bank holiday',
    ],
    [
      'Summer bank holiday 2026',
      '2026-08-31T09:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 1 September',
      'Summer bank holiday',
    ],
    ['Christmas Eve evening 2026', '2026-12-24T17:30:00Z', false, 'evening', '09:00 on Tuesday 29 December'],
    [
      'Christmas Day 2026',
      '2026-12-25T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 29 December',
      'Christmas Day',
    ],
    [
      'Boxing Day 2026 (a Saturday)',
      '2026-12-26T22:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 29 December',
      'Boxing Day',
    ],
    [
      'Boxing Day substitute 2026',
      '2026-12-28T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 29 December',
      'Boxing Day (substitute day)',
    ],
    // and of 2027
    [
      "New Year's Day 2027",
      '2027-01-01T12:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Monday 4 January',
      "New Year's Day",
    ],
    [
      'Good Friday 2027 (before the clocks go forward)',
      '2027-03-26T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 30 March',
      'Good Friday',
    ],
    [
      'Easter Monday 2027',
      '2027-03-29T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 30 March',
      'Easter Monday',
    ],
    [
      'Early May bank holiday 2027',
      '2027-05-03T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 4 May',
      'Early May bank holiday',
    ],
    [
      'Spring bank holiday 2027',
      '2027-05-31T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 1 June',
      'Spring bank holiday',
    ],
    [
      'Summer bank holiday 2027',
      '2027-08-30T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Tuesday 31 August',
      'Summer bank holiday',
    ],
    [
      'Christmas Day substitute 2027',
      '2027-12-27T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Wednesday 29 December',
      'Christmas Day (substitute day)',
    ],
    [
      'Boxing Day substitute 2027',
      '2027-12-28T10:00:00Z',
      false,
      'bank-holiday',
      '09:00 on Wednesday 29 December',
      'Boxing Day (substitute day)',
    ],
  ];

  it.each(table)('%s', (_when, instant, open, reason, next, holiday) => {
    const status = officeStatus(portsmouth, at(instant));
    expect(status.open).toBe(open);
    expect(status.reason).toBe(reason);
    expect(status.nextChangeLocal).toBe(next);
    if (holiday) expect(status.holidayName).toBe(holiday);
  });

  it('gives the next change as an exact instant across the clock change', () => {
    expect(officeStatus(portsmouth, at('2026-03-27T17:00:00Z')).nextChange.toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    expect(officeStatus(portsmouth, at('2026-10-23T16:30:00Z')).nextChange.toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('honours extra closure days from the contacts file', () => {
    const schedule = {
      timeZone: 'Europe/London',
      days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const,
      opens: '09:00',
      closes: '17:00',
      extraClosures: ['2026-11-25'],
    };
    const status = mashStatus(at('2026-11-25T10:00:00Z'), schedule, () => null);
    expect(status).toMatchObject({
      open: false,
      reason: 'closure',
      nextChangeLocal: '09:00 on Thursday 26 November',
    });
  });

  it('refuses a schedule with no opening day in the next month rather than looping', () => {
    const schedule = {
      timeZone: 'Europe/London',
      days: ['monday'] as const,
      opens: '09:00',
      closes: '17:00',
      extraClosures: [],
    };
    expect(() => mashStatus(at('2026-11-25T10:00:00Z'), schedule, () => 'Always a holiday')).toThrow(
      /No opening day/,
    );
  });
});
