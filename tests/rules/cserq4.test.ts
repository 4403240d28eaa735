import { describe, expect, it } from 'vitest';
import {
  allowanceCouldApply,
  assessCserq4,
  type Cserq4Answers,
  type Cserq4Outcome,
  type Tristate,
} from '../../src/rules/cserq4';

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
    /** Whether question 2 is "no" only under the 17-year-old allowance; checked where given. */
    allowance?: boolean;
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
    '17 with a gap of 4, other signs not asked (absent): allowed, as before',
    a({ childAge: 17, partnerAges: [21] }),
    {
      q2: 'no',
      ageGap: 4,
      outcome: 'no-referral',
      allowance: true,
      note: /may be acceptable", so question 2 is "no"\. Whether there are other signs of exploitation was not asked/,
    },
  ],
  [
    '17 with a gap of 6, other signs not asked (absent): allowed, as before',
    a({ childAge: 17, partnerAges: [23] }),
    { q2: 'no', ageGap: 6, outcome: 'no-referral', allowance: true, note: /up to 6 years may be acceptable/ },
  ],
  [
    '17 with a gap of 5 and no other signs: the allowance applies, quoting "may be acceptable"',
    a({ childAge: 17, partnerAges: [22], otherIndicators: 'no' }),
    {
      q2: 'no',
      ageGap: 5,
      outcome: 'no-referral',
      allowance: true,
      reason: /question 2 is "no" only under the allowance for 17-year-olds/,
      note: /may be acceptable".*You said there are no other signs of exploitation/,
    },
  ],
  [
    '17 with a gap of 4 and other signs: question 2 is "yes", referral',
    a({ childAge: 17, partnerAges: [21], otherIndicators: 'yes' }),
    {
      q2: 'yes',
      ageGap: 4,
      outcome: 'referral',
      allowance: false,
      reason:
        /Question 2 \(older partner\) is "yes".*allowance .* does not apply: there are other signs of exploitation/,
    },
  ],
  [
    '17 with a gap of 6 and other signs not known: question 2 is unknown, incomplete',
    a({ childAge: 17, partnerAges: [23], otherIndicators: 'unknown' }),
    {
      q2: 'unknown',
      ageGap: 6,
      outcome: 'incomplete',
      allowance: false,
      reason:
        /Question 2 \(older partner\) is not known: .*not known whether there are other signs of exploitation/,
    },
  ],
  [
    '17 with a gap of 3: other signs are not part of the rule',
    a({ childAge: 17, partnerAges: [20], otherIndicators: 'yes' }),
    { q2: 'no', ageGap: 3, outcome: 'no-referral', allowance: false },
  ],
  [
    '17 with a gap of 7: other signs "no" cannot bring it under the allowance',
    a({ childAge: 17, partnerAges: [24], otherIndicators: 'no' }),
    { q2: 'yes', ageGap: 7, outcome: 'referral', allowance: false },
  ],
  [
    '16 with a gap of 4: otherIndicators is ignored below 17',
    a({ childAge: 16, partnerAges: [20], otherIndicators: 'no' }),
    { q2: 'yes', ageGap: 4, outcome: 'referral', allowance: false },
  ],
  [
    '15 with a gap of 2: otherIndicators "yes" is ignored below 17',
    a({ partnerAges: [17], otherIndicators: 'yes' }),
    { q2: 'no', ageGap: 2, outcome: 'no-referral', allowance: false },
  ],
  [
    '18: otherIndicators is ignored for adults',
    a({ childAge: 18, partnerAges: [23], otherIndicators: 'no' }),
    { q2: 'yes', ageGap: 5, outcome: 'not-applicable', allowance: false },
  ],
  [
    '17 with a gap of 7: referral',
    a({ childAge: 17, partnerAges: [24] }),
    { q2: 'yes', ageGap: 7, outcome: 'referral', reason: /7 years/ },
  ],
  [
    '17 with a gap of 4 and going missing: q2 yes too',
    a({ childAge: 17, partnerAges: [21], missing: 'yes' }),
    {
      q2: 'yes',
      ageGap: 4,
      outcome: 'referral',
      note: /applies only in the absence of any other risk indicators/,
    },
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
    { q2: 'no', ageGap: 5, outcome: 'incomplete', allowance: true },
  ],
  [
    '17 with a gap of 5, no other signs, but going missing not known: incomplete, not an all-clear',
    a({ childAge: 17, partnerAges: [22], missing: 'unknown', otherIndicators: 'no' }),
    { q2: 'no', ageGap: 5, outcome: 'incomplete', allowance: true, reason: /cannot rule risk out/ },
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
    '12 with a partner of unknown age: referral, with the law as the reason',
    a({ childAge: 12, partnerAges: null }),
    {
      q2: 'unknown',
      ageGap: null,
      outcome: 'referral',
      reason:
        /The child is 12 and has a partner .*\(age not known\): a child under 13 cannot consent.*Sexual Offences Act 2003/,
    },
  ],
  [
    '12 with a partner of unknown age and every other answer "not sure": still a referral',
    a({
      childAge: 12,
      partnerAges: null,
      missing: 'unknown',
      controlling: 'unknown',
      unsafePlaces: 'unknown',
    }),
    { q2: 'unknown', ageGap: null, outcome: 'referral', reason: /under 13 cannot consent/ },
  ],
  [
    '11 with a 30-year-old partner and every other answer "no": referral for the gap and the law',
    a({ childAge: 11, partnerAges: [30] }),
    {
      q2: 'yes',
      ageGap: 19,
      outcome: 'referral',
      reason: /age difference is 19 years.*under 13 cannot consent/,
    },
  ],
  [
    '12, not known whether there is a partner: incomplete, with the under-13 note',
    a({ childAge: 12, hasPartner: 'unknown', partnerAges: null }),
    {
      q2: 'unknown',
      ageGap: null,
      outcome: 'incomplete',
      reason: /not known whether the young person has a partner/,
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
    if (expected.allowance !== undefined) expect(result.allowanceApplied).toBe(expected.allowance);
  });

  it('gives every outcome a reason', () => {
    for (const [, answers] of table) expect(assessCserq4(answers).reasons.length).toBeGreaterThan(0);
  });

  it.each([
    ['a child age of 16.5', a({ childAge: 16.5 })],
    ['a negative child age', a({ childAge: -1 })],
    ['a partner age of 200', a({ partnerAges: [200] })],
    ['an answer that is not yes, no or unknown', { ...base, missing: 'maybe' } as unknown as Cserq4Answers],
    ['otherIndicators that is not yes, no or unknown', { ...base, otherIndicators: 'perhaps' } as never],
    ['hasPartner "no" with partner ages', a({ hasPartner: 'no', partnerAges: [19] })],
    ['hasPartner "unknown" with partner ages', a({ hasPartner: 'unknown', partnerAges: [19] })],
    ['hasPartner "yes" with no partner ages', a({ hasPartner: 'yes', partnerAges: [] })],
  ])('rejects %s', (_name, answers) => {
    expect(() => assessCserq4(answers)).toThrow();
  });
});

describe('when the 17-year-old allowance could apply (and the screening asks about other signs)', () => {
  it.each([
    ['17, gap 4, all "no"', a({ childAge: 17, partnerAges: [21] }), true],
    [
      '17, gap 6, questions 1 and 4 not known',
      a({ childAge: 17, partnerAges: [23], missing: 'unknown', unsafePlaces: 'unknown' }),
      true,
    ],
    ['17, oldest of two partners 5 years older', a({ childAge: 17, partnerAges: [18, 22] }), true],
    ['17, gap 3', a({ childAge: 17, partnerAges: [20] }), false],
    ['17, gap 7', a({ childAge: 17, partnerAges: [24] }), false],
    ['17, gap 5 but going missing', a({ childAge: 17, partnerAges: [22], missing: 'yes' }), false],
    ['17, gap 5 but controlling', a({ childAge: 17, partnerAges: [22], controlling: 'yes' }), false],
    ['17, gap 5 but unsafe places', a({ childAge: 17, partnerAges: [22], unsafePlaces: 'yes' }), false],
    ['17, partner age not known', a({ childAge: 17, partnerAges: null }), false],
    ['17, no partner', a({ childAge: 17, partnerAges: [] }), false],
    ['16, gap 5', a({ childAge: 16, partnerAges: [21] }), false],
    ['18, gap 5', a({ childAge: 18, partnerAges: [23] }), false],
    ['age not known', a({ childAge: null, partnerAges: [23] }), false],
  ])('%s: %s', (_name, answers, could) => {
    expect(allowanceCouldApply(answers)).toBe(could);
  });
});
