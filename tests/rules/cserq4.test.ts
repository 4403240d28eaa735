import { describe, expect, it } from 'vitest';
import { assessCserq4, type Cserq4Answers, type Cserq4Outcome, type Tristate } from '../../src/rules/cserq4';

const base: Cserq4Answers = {
  childAge: 15,
  partnerAges: [],
  missing: 'no',
  controlling: 'no',
  unsafePlaces: 'no',
};
const a = (over: Partial<Cserq4Answers>): Cserq4Answers => ({ ...base, ...over });

type Row = [
  name: string,
  answers: Cserq4Answers,
  expected: {
    q2: Tristate;
    ageGap: number | null;
    outcome: Cserq4Outcome;
    reason?: RegExp;
    note?: RegExp;
    noNote?: RegExp;
  },
];

const table: Row[] = [
  [
    'all four "no" and no partner: no referral',
    a({}),
    { q2: 'no', ageGap: null, outcome: 'no-referral', reason: /No to all four/ },
  ],
  [
    'going missing alone: referral',
    a({ missing: 'yes' }),
    { q2: 'no', ageGap: null, outcome: 'referral', reason: /Question 1 \(going missing\) is "yes"/ },
  ],
  [
    'controlling relationship alone: referral',
    a({ controlling: 'yes' }),
    { q2: 'no', ageGap: null, outcome: 'referral', reason: /Question 3/ },
  ],
  [
    'unsafe places alone: referral',
    a({ unsafePlaces: 'yes' }),
    { q2: 'no', ageGap: null, outcome: 'referral', reason: /Question 4/ },
  ],
  [
    '15 with a 18-year-old partner (gap 3): no',
    a({ partnerAges: [18] }),
    { q2: 'no', ageGap: 3, outcome: 'no-referral', note: /below the age of consent/ },
  ],
  [
    '15 with a 19-year-old partner (gap 4): referral',
    a({ partnerAges: [19] }),
    { q2: 'yes', ageGap: 4, outcome: 'referral', reason: /age difference is 4 years/ },
  ],
  [
    '16 with a 19-year-old partner (gap 3): no',
    a({ childAge: 16, partnerAges: [19] }),
    { q2: 'no', ageGap: 3, outcome: 'no-referral', noNote: /age of consent/ },
  ],
  [
    '16 with a 20-year-old partner (gap 4): referral',
    a({ childAge: 16, partnerAges: [20] }),
    { q2: 'yes', ageGap: 4, outcome: 'referral' },
  ],
  [
    '17 with a gap of 3: no',
    a({ childAge: 17, partnerAges: [20] }),
    { q2: 'no', ageGap: 3, outcome: 'no-referral' },
  ],
  [
    '17 with a gap of 4 and no other indicator: allowed',
    a({ childAge: 17, partnerAges: [21] }),
    { q2: 'no', ageGap: 4, outcome: 'no-referral', note: /allows up to 6 years/ },
  ],
  [
    '17 with a gap of 6 and no other indicator: allowed',
    a({ childAge: 17, partnerAges: [23] }),
    { q2: 'no', ageGap: 6, outcome: 'no-referral', note: /allows up to 6 years/ },
  ],
  [
    '17 with a gap of 7: referral',
    a({ childAge: 17, partnerAges: [24] }),
    { q2: 'yes', ageGap: 7, outcome: 'referral', reason: /7 years/ },
  ],
  [
    '17 with a gap of 4 and going missing: q2 yes too',
    a({ childAge: 17, partnerAges: [21], missing: 'yes' }),
    { q2: 'yes', ageGap: 4, outcome: 'referral', note: /applies only when there is no other risk indicator/ },
  ],
  [
    '17 with a gap of 6 and a controlling partner: q2 yes',
    a({ childAge: 17, partnerAges: [23], controlling: 'yes' }),
    { q2: 'yes', ageGap: 6, outcome: 'referral' },
  ],
  [
    '17 with a gap of 7 and unsafe places: q2 yes',
    a({ childAge: 17, partnerAges: [24], unsafePlaces: 'yes' }),
    { q2: 'yes', ageGap: 7, outcome: 'referral' },
  ],
  [
    '17 with a gap of 5 and an unknown answer: q2 no, but incomplete',
    a({ childAge: 17, partnerAges: [22], missing: 'unknown' }),
    { q2: 'no', ageGap: 5, outcome: 'incomplete' },
  ],
  [
    '12 with a 12-year-old partner: referral under the under-13 rule',
    a({ childAge: 12, partnerAges: [12] }),
    { q2: 'no', ageGap: 0, outcome: 'referral', reason: /under 13 cannot consent.*Sexual Offences Act 2003/ },
  ],
  [
    '12 with no partner: no referral',
    a({ childAge: 12, partnerAges: [] }),
    { q2: 'no', ageGap: null, outcome: 'no-referral', noNote: /consent/ },
  ],
  [
    '12 with a partner of unknown age: incomplete, with the under-13 note',
    a({ childAge: 12, partnerAges: null }),
    {
      q2: 'unknown',
      ageGap: null,
      outcome: 'incomplete',
      note: /if this child has had any sexual contact, make a referral/,
    },
  ],
  [
    '0 with a partner: referral',
    a({ childAge: 0, partnerAges: [0] }),
    { q2: 'no', ageGap: 0, outcome: 'referral' },
  ],
  [
    '13 with a 14-year-old partner: the under-13 rule does not apply',
    a({ childAge: 13, partnerAges: [14] }),
    { q2: 'no', ageGap: 1, outcome: 'no-referral', note: /below the age of consent/ },
  ],
  [
    'unknown partner age alone: incomplete',
    a({ partnerAges: null }),
    { q2: 'unknown', ageGap: null, outcome: 'incomplete', reason: /partner's age is not known/ },
  ],
  [
    'unknown partner age with a "yes": referral',
    a({ partnerAges: null, missing: 'yes' }),
    { q2: 'unknown', ageGap: null, outcome: 'referral' },
  ],
  [
    'unknown answers only: incomplete, says to discuss',
    a({ missing: 'unknown', unsafePlaces: 'unknown' }),
    {
      q2: 'no',
      ageGap: null,
      outcome: 'incomplete',
      reason: /discuss with your safeguarding lead or the MASH/,
    },
  ],
  [
    'unknown child age with a partner: q2 unknown',
    a({ childAge: null, partnerAges: [30] }),
    { q2: 'unknown', ageGap: null, outcome: 'incomplete', reason: /young person's age is not known/ },
  ],
  [
    '18: not applicable, points to adult safeguarding',
    a({ childAge: 18, partnerAges: [40], missing: 'yes' }),
    { q2: 'yes', ageGap: 22, outcome: 'not-applicable', reason: /adult safeguarding/ },
  ],
  [
    'multiple partners: the oldest counts',
    a({ childAge: 15, partnerAges: [16, 22, 17] }),
    { q2: 'yes', ageGap: 7, outcome: 'referral' },
  ],
  [
    'multiple partners all within 3 years: no',
    a({ childAge: 15, partnerAges: [16, 18] }),
    { q2: 'no', ageGap: 3, outcome: 'no-referral' },
  ],
  [
    'a younger partner: no',
    a({ childAge: 16, partnerAges: [14] }),
    { q2: 'no', ageGap: -2, outcome: 'no-referral' },
  ],
  [
    '16 with a partner: no under-16 note',
    a({ childAge: 16, partnerAges: [16] }),
    { q2: 'no', ageGap: 0, outcome: 'no-referral', noNote: /age of consent/ },
  ],
];

describe("assessCserq4, the form's rule", () => {
  it.each(table)('%s', (_name, answers, expected) => {
    const result = assessCserq4(answers);
    expect(result.q2).toBe(expected.q2);
    expect(result.ageGap).toBe(expected.ageGap);
    expect(result.outcome).toBe(expected.outcome);
    expect(result.q1).toBe(answers.missing);
    expect(result.q3).toBe(answers.controlling);
    expect(result.q4).toBe(answers.unsafePlaces);
    if (expected.reason) expect(result.reasons.join(' ')).toMatch(expected.reason);
    if (expected.note) expect(result.notes.join(' ')).toMatch(expected.note);
    if (expected.noNote) expect(result.notes.join(' ')).not.toMatch(expected.noNote);
  });

  it('gives every outcome a reason', () => {
    for (const [, answers] of table) expect(assessCserq4(answers).reasons.length).toBeGreaterThan(0);
  });

  it.each([
    ['a child age of 16.5', a({ childAge: 16.5 })],
    ['a negative child age', a({ childAge: -1 })],
    ['a partner age of 200', a({ partnerAges: [200] })],
    ['an answer that is not yes, no or unknown', { ...base, missing: 'maybe' } as unknown as Cserq4Answers],
  ])('rejects %s', (_name, answers) => {
    expect(() => assessCserq4(answers)).toThrow();
  });
});
