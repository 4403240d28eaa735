import { describe, expect, it } from 'vitest';
import { assessCserq4, type Cserq4Answers } from '../../src/rules/cserq4';
import { outcomeReplies, summaryText } from '../../src/screening/report';
import { escapeRegExp, shipped, testshire } from '../helpers/area';

// Outcomes are checked in the made-up Testshire, with its numbers read from its contacts file.
const { contacts } = testshire;
const base: Cserq4Answers = {
  childAge: 15,
  partnerAges: [],
  missing: 'no',
  controlling: 'no',
  unsafePlaces: 'no',
};
const a = (over: Partial<Cserq4Answers>): Cserq4Answers => ({ ...base, ...over });

const CASES: Array<[string, Cserq4Answers]> = [
  ['referral', a({ partnerAges: [21] })],
  ['referral with notes', a({ childAge: 12, partnerAges: null, missing: 'unknown' })],
  ['no referral', a({})],
  ['the 17-year-old allowance', a({ childAge: 17, partnerAges: [23], otherIndicators: 'no' })],
  [
    'not enough information',
    a({ childAge: null, hasPartner: 'unknown', partnerAges: null, missing: 'unknown' }),
  ],
  ['an adult', a({ childAge: 19, partnerAges: null })],
];

const PHONE = /\b(0\d{2,4} ?\d{2,4} ?\d{3,6}|999|101)\b/;

/** Noon and 22:00 on every day of a year: weekdays, weekends, and every bank holiday with its name. */
function everyDay(): Date[] {
  const days: Date[] = [];
  for (let t = Date.UTC(2026, 0, 1, 12); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
    days.push(new Date(t), new Date(t + 10 * 3_600_000));
  }
  return days;
}

describe('the screening outcome leads with who to call now', () => {
  it.each(CASES)(
    '%s: the first number is within the first 400 characters at any time of year',
    (_name, answers) => {
      const result = assessCserq4(answers);
      let latest = 0;
      for (const now of everyDay()) {
        for (const area of [shipped.contacts, testshire.contacts]) {
          const text = outcomeReplies(answers, result, { contacts: area, now })[0]!.text;
          const at = text.search(PHONE);
          expect(at, `${now.toISOString()} ${area.area}`).toBeGreaterThanOrEqual(0);
          latest = Math.max(latest, at);
        }
      }
      expect(latest).toBeLessThan(400);
    },
  );

  it.each(CASES)('%s: the numbers, then why, then what to have ready, then the summary', (_name, answers) => {
    const result = assessCserq4(answers);
    const [outcome, summary] = outcomeReplies(answers, result, {
      contacts,
      now: new Date('2026-11-28T22:00:00Z'),
    });
    const text = outcome!.text;
    const order = [text.search(PHONE), text.indexOf('**Why**')];
    if (result.outcome === 'referral') order.push(text.indexOf('**What to have ready**'));
    else expect(text).not.toMatch(/What to have ready/);
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    if (result.outcome === 'referral')
      expect(text.slice(order[2])).toMatch(
        new RegExp(
          `name, date of birth and address.*\n.*${escapeRegExp(testshire.procedure('referralFollowUp'))}`,
        ),
      );
    for (const reason of result.reasons) expect(text.indexOf(reason)).toBeGreaterThan(order[1]!);
    expect(summary!.text).toMatch(/^Summary for your record/);
  });

  it('leads with the out-of-hours team on a Saturday night, the MASH on a Tuesday morning', () => {
    const answers = a({ partnerAges: [21] });
    const result = assessCserq4(answers);
    const first = (now: Date) => outcomeReplies(answers, result, { contacts, now })[0]!.text.match(PHONE)![0];
    expect(first(new Date('2026-11-28T22:00:00Z'))).toBe(testshire.phone('out-of-hours'));
    expect(first(new Date('2026-11-24T10:00:00Z'))).toBe(testshire.phone('mash'));
  });
});

describe('the 17-year-old allowance outcome', () => {
  const answers = a({ childAge: 17, partnerAges: [22], otherIndicators: 'no' });
  const result = assessCserq4(answers);
  const [outcome] = outcomeReplies(answers, result, { contacts, now: new Date('2026-11-28T22:00:00Z') });

  it('quotes "may be acceptable", asks for judgement and gives the time-aware contacts', () => {
    expect(outcome!.text).toMatch(
      /^\*\*Professional judgement needed: this age difference may be acceptable\*\*/,
    );
    expect(outcome!.text).toMatch(/If you are still worried, talk to your safeguarding lead or the MASH\./);
    expect(outcome!.text).toMatch(/that is not an all-clear, and it is for your professional judgement/);
    expect(outcome!.text).toMatch(
      new RegExp(
        `closed now \\(weekend: out of office hours\\)[\\s\\S]*` +
          escapeRegExp(`${testshire.outOfHours.name}, now: ${testshire.phone('out-of-hours')}`),
      ),
    );
  });

  it('is not styled as an all-clear', () => {
    const body = outcome!.card!.body as Array<{ color?: string }>;
    expect(body[0]!.color).toBe('Warning');
    expect(body.some((e) => e.color === 'Good')).toBe(false);
    expect(outcome!.text).not.toMatch(/No referral indicated/);
  });
});

describe('the adult outcome', () => {
  const answers = a({ childAge: 19, partnerAges: null });
  const [outcome] = outcomeReplies(answers, assessCserq4(answers), {
    contacts,
    now: new Date('2026-11-28T22:00:00Z'),
  });

  it('gives the adult line, says plainly there is no out-of-hours adult number, and ends with "anyone"', () => {
    expect(outcome!.text).toContain(`${testshire.adult.name}: ${testshire.phones('adult-safeguarding')}`);
    expect(outcome!.text).toMatch(/Our sources give no out-of-hours number for adult safeguarding/);
    expect(outcome!.text).toMatch(/- If anyone is in immediate danger, call 999\.\n\n\*\*Why\*\*/);
    expect(outcome!.text).not.toContain(testshire.phone('out-of-hours'));
    expect(outcome!.text).not.toContain(testshire.outOfHours.name);
    expect(outcome!.text).not.toMatch(/Duty Team|If a child is in immediate danger/);
  });
});

describe('the summary for the record', () => {
  const now = new Date('2026-07-01T13:05:00Z');
  const q2 = (answers: Cserq4Answers) =>
    summaryText(answers, assessCserq4(answers), { contacts, now })
      .split('\n')
      .find((l) => l.startsWith('Q2'));

  it.each([
    [a({}), "Q2 older partner: No (young person's age 15; no partner, so no age difference)"],
    [
      a({ partnerAges: [21] }),
      "Q2 older partner: Yes (young person's age 15; partner age(s) 21; age difference 6 years)",
    ],
    [
      a({ partnerAges: null }),
      "Q2 older partner: Not sure (young person's age 15; partner age(s) not known; age difference not worked out)",
    ],
    [
      a({ hasPartner: 'unknown', partnerAges: null }),
      "Q2 older partner: Not sure (young person's age 15; not known whether there is a partner; age difference not worked out)",
    ],
    [
      a({ childAge: 17, partnerAges: [22], otherIndicators: 'yes' }),
      "Q2 older partner: Yes (young person's age 17; partner age(s) 22; age difference 5 years; other signs of exploitation: Yes)",
    ],
  ])('reads plainly: %j', (answers, line) => {
    expect(q2(answers)).toBe(line);
  });
});
