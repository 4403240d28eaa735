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
export const ALLOWANCE_AGE = 17;
export const AGE_OF_CONSENT = 16;
export const UNDER_13 = 13;

/** The form's own sentence, quoted wherever the allowance is used so that "may be" is never lost. */
export const ALLOWANCE_WORDS =
  'for 17 year olds, in the absence of any other risk indicators, an age difference of up to 6 years may be acceptable';

const wholeAge = (range: { min: number; max: number }, what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number of years` })
    .min(range.min, { error: `${what} must be at least ${range.min}` })
    .max(range.max, { error: `${what} must be at most ${range.max}` });

export const cserq4AnswersSchema = z
  .strictObject({
    /** null: the young person's age is not known (the gap then cannot be worked out). */
    childAge: wholeAge(CHILD_AGE, 'childAge').nullable(),
    /**
     * Whether there is a partner or person(s) they have sex with at all. Optional: when absent it
     * follows from partnerAges. "unknown" (not known whether there is one) needs partnerAges null.
     */
    hasPartner: z.enum(TRISTATE).optional(),
    /** [] no partner or sexual contact; null: a partner whose age is not known. */
    partnerAges: z.array(wholeAge(PARTNER_AGE, 'partnerAges item')).nullable(),
    missing: z.enum(TRISTATE),
    controlling: z.enum(TRISTATE),
    unsafePlaces: z.enum(TRISTATE),
    /**
     * For a 17-year-old whose age difference is within the allowance: are there any other signs of
     * exploitation? Ignored at other ages. When absent, the allowance applies as it always did.
     */
    otherIndicators: z.enum(TRISTATE).optional(),
  })
  .superRefine((a, ctx) => {
    const none = a.partnerAges !== null && a.partnerAges.length === 0;
    const problem =
      a.hasPartner === 'no' && !none
        ? 'hasPartner "no" needs partnerAges []'
        : a.hasPartner === 'unknown' && a.partnerAges !== null
          ? 'hasPartner "unknown" needs partnerAges null'
          : a.hasPartner === 'yes' && none
            ? 'hasPartner "yes" needs partnerAges with at least one age, or null when the age is not known'
            : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: ['hasPartner'], message: problem });
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
  /**
   * True when question 2 is "no" only because of the form's allowance for 17-year-olds: the form says
   * such a gap "may be acceptable", which calls for the practitioner's judgement, not an all-clear.
   */
  allowanceApplied: boolean;
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

/** What is known about a partner: none, not known whether there is one, one of unknown age, or their ages. */
type PartnerStatus = 'none' | 'not-known' | 'age-unknown' | 'ages';

function partnerStatus(a: Cserq4Answers): PartnerStatus {
  if (a.hasPartner === 'unknown') return 'not-known';
  if (a.partnerAges === null) return 'age-unknown';
  return a.partnerAges.length === 0 ? 'none' : 'ages';
}

function ageGapOf(a: Cserq4Answers): number | null {
  if (a.childAge === null || a.partnerAges === null || a.partnerAges.length === 0) return null;
  return Math.max(...a.partnerAges) - a.childAge;
}

const otherQuestionYes = (a: Cserq4Answers): boolean =>
  [a.missing, a.controlling, a.unsafePlaces].includes('yes');

/**
 * The form's allowance could apply: a 17-year-old, an age difference of 4 to 6 years, and no "yes" to
 * questions 1, 3 or 4. Only then does the screening ask whether there are other signs of exploitation.
 */
export function allowanceCouldApply(a: Omit<Cserq4Answers, 'otherIndicators'>): boolean {
  const gap = ageGapOf(a);
  return (
    a.childAge === ALLOWANCE_AGE &&
    gap !== null &&
    gap >= AGE_GAP_THRESHOLD &&
    gap <= SEVENTEEN_ALLOWANCE &&
    !otherQuestionYes(a)
  );
}

interface Q2Finding {
  q2: Tristate;
  ageGap: number | null;
  allowanceApplied: boolean;
  /** Why question 2 is "yes" or not known, in the words the outcome shows. */
  why?: string;
  note?: string;
}

function assessOlderPartner(a: Cserq4Answers): Q2Finding {
  const status = partnerStatus(a);
  const ageGap = ageGapOf(a);
  const plain = { ageGap, allowanceApplied: false };
  if (status === 'none') return { ...plain, q2: 'no' };
  if (status === 'not-known')
    return {
      ...plain,
      q2: 'unknown',
      why: 'it is not known whether the young person has a partner or person(s) they have sex with',
    };
  if (status === 'age-unknown') return { ...plain, q2: 'unknown', why: "the partner's age is not known" };
  if (ageGap === null) return { ...plain, q2: 'unknown', why: "the young person's age is not known" };
  if (ageGap < AGE_GAP_THRESHOLD) return { ...plain, q2: 'no' };
  const yes = `the age difference is ${years(ageGap)} (${AGE_GAP_THRESHOLD} or more)`;
  if (a.childAge !== ALLOWANCE_AGE || ageGap > SEVENTEEN_ALLOWANCE) return { ...plain, q2: 'yes', why: yes };
  if (otherQuestionYes(a)) {
    return {
      ...plain,
      q2: 'yes',
      why: yes,
      note:
        `The young person is 17, but the allowance of up to ${SEVENTEEN_ALLOWANCE} years applies only in the ` +
        'absence of any other risk indicators, and another question was answered "yes".',
    };
  }
  if (a.otherIndicators === 'yes') {
    return {
      ...plain,
      q2: 'yes',
      why:
        `${yes}. The allowance of up to ${SEVENTEEN_ALLOWANCE} years for 17-year-olds does not apply: ` +
        'there are other signs of exploitation',
    };
  }
  if (a.otherIndicators === 'unknown') {
    return {
      ...plain,
      q2: 'unknown',
      why:
        `the young person is 17 and the age difference is ${years(ageGap)}, which the form says may be ` +
        'acceptable only in the absence of any other risk indicators, and it is not known whether there are ' +
        'other signs of exploitation',
    };
  }
  return {
    q2: 'no',
    ageGap,
    allowanceApplied: true,
    note:
      `The young person is 17 and the age difference is ${years(ageGap)}. The form says that ` +
      `"${ALLOWANCE_WORDS}", so question 2 is "no". ` +
      (a.otherIndicators === 'no'
        ? 'You said there are no other signs of exploitation.'
        : 'Whether there are other signs of exploitation was not asked.'),
  };
}

export function assessCserq4(answers: Cserq4Answers): Cserq4Result {
  const a = cserq4AnswersSchema.parse(answers);
  const q1 = a.missing;
  const q3 = a.controlling;
  const q4 = a.unsafePlaces;
  const finding = assessOlderPartner(a);
  const { q2, ageGap, allowanceApplied } = finding;
  const notes: string[] = finding.note ? [finding.note] : [];
  const base = { q1, q2, q3, q4, ageGap, allowanceApplied };

  if (a.childAge !== null && a.childAge > CHILD_AGE.screeningMax) {
    return {
      ...base,
      allowanceApplied: false,
      outcome: 'not-applicable',
      reasons: [
        `The person is ${a.childAge}: the CSERQ4 is for children and young people under 18. ` +
          'For a concern about an adult, contact adult safeguarding.',
      ],
      notes: [],
    };
  }

  const reasons: string[] = [];
  const answered = { q1, q2, q3, q4 };
  for (const key of ['q1', 'q2', 'q3', 'q4'] as const) {
    if (answered[key] !== 'yes') continue;
    const label = `Question ${key.slice(1)} (${QUESTION_INDICATORS[key]}) is "yes"`;
    reasons.push(key === 'q2' && finding.why ? `${label}: ${finding.why}.` : `${label}.`);
  }

  // The law, not the form: a child under 13 cannot consent, so any partner at all means a referral,
  // whatever the other answers and whether or not the partner's age is known.
  const status = partnerStatus(a);
  const under13 = a.childAge !== null && a.childAge < UNDER_13;
  if (under13 && (status === 'ages' || status === 'age-unknown')) {
    reasons.push(
      `The child is ${a.childAge} and has a partner or person(s) they have sex with` +
        `${status === 'age-unknown' ? ' (age not known)' : ''}: a child under 13 cannot consent to any ` +
        'sexual activity in law (Sexual Offences Act 2003).',
    );
  }
  if (under13 && status === 'not-known') {
    notes.push(
      'A child under 13 cannot consent to any sexual activity in law (Sexual Offences Act 2003): ' +
        'if this child has had any sexual contact, make a referral.',
    );
  }
  if (a.childAge !== null && a.childAge < AGE_OF_CONSENT && status !== 'none') {
    notes.push(
      `The young person is ${a.childAge}, below the age of consent (${AGE_OF_CONSENT}): follow your ` +
        "organisation's procedure and talk to your safeguarding lead.",
    );
  }

  if (reasons.length > 0) return { ...base, outcome: 'referral', reasons, notes };

  const unknowns = (['q1', 'q2', 'q3', 'q4'] as const).filter((k) => answered[k] === 'unknown');
  if (unknowns.length > 0) {
    for (const key of unknowns) {
      const why = key === 'q2' && finding.why ? finding.why : 'the answer is not known';
      reasons.push(`Question ${key.slice(1)} (${QUESTION_INDICATORS[key]}) is not known: ${why}.`);
    }
    reasons.push('The form cannot rule risk out: discuss with your safeguarding lead or the MASH.');
    return { ...base, outcome: 'incomplete', reasons, notes };
  }

  return {
    ...base,
    outcome: 'no-referral',
    reasons: [
      allowanceApplied
        ? 'No to questions 1, 3 and 4; question 2 is "no" only under the allowance for 17-year-olds.'
        : 'No to all four questions.',
    ],
    notes,
  };
}
