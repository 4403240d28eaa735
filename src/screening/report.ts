/**
 * What the practitioner sees when a screening ends, in the order they need it:
 * who to call now (the first number within the first lines), then why, then
 * what to have ready, then a plain-text summary to copy into their record.
 * No child identifiers.
 */
import { card, text, type CardElement } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { contactsBlock } from '../contacts/block';
import type { AreaContacts } from '../contacts/schema';
import {
  QUESTION_INDICATORS,
  type Cserq4Answers,
  type Cserq4Outcome,
  type Cserq4Result,
  type Tristate,
} from '../rules/cserq4';
import { formatLocal } from '../time';
import { TRISTATE_LABELS } from './questions';

export const OUTCOME_HEADINGS: Record<Cserq4Outcome, string> = {
  referral: 'Referral indicated',
  'no-referral': 'No referral indicated',
  incomplete: 'Not enough information to rule risk out',
  'not-applicable': 'Not applicable: the CSERQ4 is for under-18s',
};

/**
 * The form says a gap within the 17-year-old allowance "may be acceptable": that calls for judgement,
 * so the outcome must not read, or look, like the all-clear.
 */
export const ALLOWANCE_HEADING = 'Professional judgement needed: this age difference may be acceptable';

export function outcomeHeading(result: Cserq4Result): string {
  return result.outcome === 'no-referral' && result.allowanceApplied
    ? ALLOWANCE_HEADING
    : OUTCOME_HEADINGS[result.outcome];
}

/**
 * The one sentence before the numbers: what to do with them. Kept short, so that the first number
 * comes within the first few lines whatever the heading and the time of day.
 */
function actionFor(result: Cserq4Result): string {
  if (result.outcome === 'no-referral' && result.allowanceApplied)
    return 'If you are still worried, talk to your safeguarding lead or the MASH.';
  const action: Record<Cserq4Outcome, string> = {
    referral: "Make a referral to Children's Services through the MASH.",
    incomplete: 'The form cannot rule risk out. Talk to your safeguarding lead, or call the MASH for advice.',
    'no-referral':
      'This does not mean there is no risk: if you are still worried, talk to your safeguarding lead or the MASH.',
    'not-applicable': 'For a concern about an adult, contact adult safeguarding.',
  };
  return action[result.outcome];
}

/** The form's own statement of what a "yes" means, given with the reasons. */
const REFERRAL_MEANING =
  'The answers indicate that the young person is at risk of, or experiencing, child sexual exploitation.';

/** Why the allowance is not an all-clear, first among the reasons when it was used. */
export const ALLOWANCE_JUDGEMENT =
  'The form says only that this age difference "may be acceptable": that is not an all-clear, and it is ' +
  'for your professional judgement.';

/** What to have ready: only a referral needs anything; the area may add its own follow-up step. */
function haveReady(outcome: Cserq4Outcome, contacts: AreaContacts): string[] {
  if (outcome !== 'referral') return [];
  const followUp = contacts.procedures.referralFollowUp?.text;
  return [
    "The referral needs the child's name, date of birth and address: have them ready when you call (do not type them here).",
    ...(followUp ? [followUp] : []),
  ];
}

function answerText(value: Tristate): string {
  return TRISTATE_LABELS[value];
}

function q2Detail(answers: Cserq4Answers, result: Cserq4Result): string {
  const child = `young person's age ${answers.childAge === null ? 'not known' : String(answers.childAge)}`;
  const gap = `age difference ${result.ageGap === null ? 'not worked out' : `${result.ageGap} years`}`;
  let partner: string;
  if (answers.hasPartner === 'unknown') partner = `not known whether there is a partner; ${gap}`;
  else if (answers.partnerAges === null) partner = `partner age(s) not known; ${gap}`;
  else if (answers.partnerAges.length === 0) partner = 'no partner, so no age difference';
  else partner = `partner age(s) ${answers.partnerAges.join(', ')}; ${gap}`;
  const signs =
    answers.otherIndicators !== undefined && answers.childAge === 17
      ? `; other signs of exploitation: ${answerText(answers.otherIndicators)}`
      : '';
  return `${child}; ${partner}${signs}`;
}

export interface ReportContext {
  contacts: AreaContacts;
  now: Date;
  /** The practitioner's display name from the activity, if the channel gives one. */
  completedBy?: string;
}

export function summaryText(answers: Cserq4Answers, result: Cserq4Result, ctx: ReportContext): string {
  const row = (n: number, indicator: string, value: Tristate, detail = '') =>
    `Q${n} ${indicator}: ${answerText(value)}${detail ? ` (${detail})` : ''}`;
  return [
    'CSERQ4 screening summary',
    row(1, QUESTION_INDICATORS.q1, result.q1),
    row(2, QUESTION_INDICATORS.q2, result.q2, q2Detail(answers, result)),
    row(3, QUESTION_INDICATORS.q3, result.q3),
    row(4, QUESTION_INDICATORS.q4, result.q4),
    `Outcome: ${outcomeHeading(result)}`,
    ...result.reasons.map((r) => `Reason: ${r}`),
    ...result.notes.map((n) => `Note: ${n}`),
    `Completed by: ${ctx.completedBy?.trim() || 'not recorded'}, ${formatLocal(ctx.now, ctx.contacts.timeZone)} (${ctx.contacts.timeZone})`,
    'No child identifiers are recorded in this summary.',
  ].join('\n');
}

function headingColour(result: Cserq4Result): 'Good' | 'Warning' | 'Attention' {
  if (result.outcome !== 'no-referral') return 'Attention';
  return result.allowanceApplied ? 'Warning' : 'Good';
}

export function outcomeReplies(answers: Cserq4Answers, result: Cserq4Result, ctx: ReportContext): Reply[] {
  const heading = outcomeHeading(result);
  const action = actionFor(result);
  const block = contactsBlock(ctx.contacts, ctx.now, {
    who: result.outcome === 'not-applicable' ? 'adult' : 'child',
  });
  const why = [
    ...(result.outcome === 'referral' ? [REFERRAL_MEANING] : []),
    ...(result.allowanceApplied ? [ALLOWANCE_JUDGEMENT] : []),
    ...result.reasons,
  ];
  const ready = haveReady(result.outcome, ctx.contacts);
  const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
  const outcomeText = [
    `**${heading}**`,
    action,
    block.headline,
    block.lines.join('\n'),
    '**Why**',
    list([...why, ...result.notes]),
    ...(ready.length > 0 ? ['**What to have ready**', list(ready)] : []),
  ].join('\n\n');
  const body: CardElement[] = [
    text(heading, { weight: 'Bolder', size: 'Large', color: headingColour(result) }),
    text(action),
    text(block.headline, { weight: 'Bolder' }),
    ...block.elements,
    text('Why', { weight: 'Bolder' }),
    ...why.map((r) => text(`- ${r}`)),
    ...result.notes.map((n) => text(`- ${n}`, { isSubtle: true })),
    ...(ready.length > 0
      ? [text('What to have ready', { weight: 'Bolder' }), ...ready.map((r) => text(`- ${r}`))]
      : []),
  ];
  return [
    { text: outcomeText, card: card(body) },
    {
      text: `Summary for your record (copy it as it is):\n\n${summaryText(answers, result, ctx)}`,
    },
    { text: 'The screening answers have now been cleared from this chat.' },
  ];
}
