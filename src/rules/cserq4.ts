/**
 * The CSERQ4 outcome rule, exactly as the Portsmouth form states it, plus the
 * two legal facts (age of consent, under-13s) that the form relies on.
 *
 * Pure: no I/O, no clock, no botbuilder. Every branch is covered by the table
 * test in tests/rules/cserq4.test.ts.
 */
import { z } from 'zod';

export const TRISTATE = ['yes', 'no', 'unknown'] as const;
export type Tristate = (typeof TRISTATE)[number];

export const CHILD_AGE = { min: 0, max: 120, screeningMax: 17 } as const;
export const PARTNER_AGE = { min: 0, max: 120 } as const;
/** The form: "If age difference is 4 or more years then tick 'YES'". */
export const AGE_GAP_THRESHOLD = 4;
/** The form: for 17-year-olds "an age difference of up to 6 years may be acceptable". */
export const SEVENTEEN_ALLOWANCE = 6;
export const AGE_OF_CONSENT = 16;
export const UNDER_13 = 13;

const wholeAge = (range: { min: number; max: number }, what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number of years` })
    .min(range.min, { error: `${what} must be at least ${range.min}` })
    .max(range.max, { error: `${what} must be at most ${range.max}` });

export const cserq4AnswersSchema = z.strictObject({
  /** null: the young person's age is not known (the gap then cannot be worked out). */
  childAge: wholeAge(CHILD_AGE, 'childAge').nullable(),
  /** [] no partner or sexual contact; null: a partner whose age is not known. */
  partnerAges: z.array(wholeAge(PARTNER_AGE, 'partnerAges item')).nullable(),
  missing: z.enum(TRISTATE),
  controlling: z.enum(TRISTATE),
  unsafePlaces: z.enum(TRISTATE),
});
export type Cserq4Answers = z.infer<typeof cserq4AnswersSchema>;

export const OUTCOMES = ['referral', 'no-referral', 'incomplete', 'not-applicable'] as const;
export type Cserq4Outcome = (typeof OUTCOMES)[number];

export interface Cserq4Result {
  q1: Tristate;
  q2: Tristate;
  q3: Tristate;
  q4: Tristate;
  /** Oldest partner's age minus the child's age; null when either is not known or there is no partner. */
  ageGap: number | null;
  outcome: Cserq4Outcome;
  reasons: string[];
  notes: string[];
}

export const QUESTION_INDICATORS = {
  q1: 'going missing',
  q2: 'older partner',
  q3: 'controlling relationship',
  q4: 'frequenting areas known for sexual exploitation',
} as const;

function years(n: number): string {
  return `${n} year${Math.abs(n) === 1 ? '' : 's'}`;
}

function oldestPartner(partnerAges: number[] | null): number | null {
  if (partnerAges === null || partnerAges.length === 0) return null;
  return Math.max(...partnerAges);
}

interface Q2Finding {
  q2: Tristate;
  ageGap: number | null;
  note?: string;
}

function assessOlderPartner(a: Cserq4Answers): Q2Finding {
  if (a.partnerAges !== null && a.partnerAges.length === 0) return { q2: 'no', ageGap: null };
  const oldest = oldestPartner(a.partnerAges);
  if (oldest === null || a.childAge === null) return { q2: 'unknown', ageGap: null };
  const ageGap = oldest - a.childAge;
  if (ageGap < AGE_GAP_THRESHOLD) return { q2: 'no', ageGap };
  if (a.childAge === 17 && ageGap <= SEVENTEEN_ALLOWANCE) {
    const otherYes = [a.missing, a.controlling, a.unsafePlaces].includes('yes');
    if (!otherYes) {
      return {
        q2: 'no',
        ageGap,
        note:
          `The young person is 17 and the age difference is ${years(ageGap)}: the form allows up to ` +
          `${SEVENTEEN_ALLOWANCE} years for 17-year-olds when there is no other risk indicator, so question 2 is "no".`,
      };
    }
    return {
      q2: 'yes',
      ageGap,
      note:
        `The young person is 17, but the allowance of up to ${SEVENTEEN_ALLOWANCE} years applies only when there ` +
        `is no other risk indicator, and another question was answered "yes".`,
    };
  }
  return { q2: 'yes', ageGap };
}

const hasPartner = (a: Cserq4Answers): boolean => a.partnerAges === null || a.partnerAges.length > 0;
const partnerAgeGiven = (a: Cserq4Answers): boolean => a.partnerAges !== null && a.partnerAges.length > 0;

export function assessCserq4(answers: Cserq4Answers): Cserq4Result {
  const a = cserq4AnswersSchema.parse(answers);
  const q1 = a.missing;
  const q3 = a.controlling;
  const q4 = a.unsafePlaces;
  const { q2, ageGap, note: q2Note } = assessOlderPartner(a);
  const notes: string[] = q2Note ? [q2Note] : [];
  const base = { q1, q2, q3, q4, ageGap };

  if (a.childAge !== null && a.childAge > CHILD_AGE.screeningMax) {
    return {
      ...base,
      outcome: 'not-applicable',
      reasons: [
        `The person is ${a.childAge}: the CSERQ4 is for children and young people under 18. ` +
          'For a concern about an adult, contact adult safeguarding.',
      ],
      notes,
    };
  }

  const reasons: string[] = [];
  const answered = { q1, q2, q3, q4 };
  for (const key of ['q1', 'q2', 'q3', 'q4'] as const) {
    if (answered[key] !== 'yes') continue;
    const number = key.slice(1);
    if (key === 'q2' && ageGap !== null) {
      reasons.push(
        `Question 2 (${QUESTION_INDICATORS.q2}) is "yes": the age difference is ${years(ageGap)} ` +
          `(${AGE_GAP_THRESHOLD} or more).`,
      );
    } else {
      reasons.push(`Question ${number} (${QUESTION_INDICATORS[key]}) is "yes".`);
    }
  }

  const under13WithPartner = a.childAge !== null && a.childAge < UNDER_13 && partnerAgeGiven(a);
  if (under13WithPartner) {
    reasons.push(
      `The child is ${a.childAge}: a child under 13 cannot consent to any sexual activity in law ` +
        '(Sexual Offences Act 2003).',
    );
  }
  if (a.childAge !== null && a.childAge < UNDER_13 && a.partnerAges === null) {
    notes.push(
      'A child under 13 cannot consent to any sexual activity in law (Sexual Offences Act 2003): ' +
        'if this child has had any sexual contact, make a referral.',
    );
  }
  if (a.childAge !== null && a.childAge < AGE_OF_CONSENT && hasPartner(a)) {
    notes.push(
      `The young person is ${a.childAge}, below the age of consent (${AGE_OF_CONSENT}): follow your ` +
        "organisation's procedure and talk to your safeguarding lead.",
    );
  }

  if (reasons.length > 0) return { ...base, outcome: 'referral', reasons, notes };

  const unknowns = (['q1', 'q2', 'q3', 'q4'] as const).filter((k) => answered[k] === 'unknown');
  if (unknowns.length > 0) {
    for (const key of unknowns) {
      const why =
        key === 'q2'
          ? a.childAge === null
            ? "the young person's age is not known"
            : "the partner's age is not known"
          : 'the answer is not known';
      reasons.push(`Question ${key.slice(1)} (${QUESTION_INDICATORS[key]}) is not known: ${why}.`);
    }
    reasons.push('The form cannot rule risk out: discuss with your safeguarding lead or the MASH.');
    return { ...base, outcome: 'incomplete', reasons, notes };
  }

  return {
    ...base,
    outcome: 'no-referral',
    reasons: ['No to all four questions.'],
    notes,
  };
}
