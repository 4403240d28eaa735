/**
 * What the practitioner sees when a screening ends: the outcome with its
 * reasons, the hand-off (who to call, what the referral needs), and a
 * plain-text summary to copy into their record. No child identifiers.
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

const HAND_OFF: Record<Cserq4Outcome, string[]> = {
  referral: [
    "Make a referral to Children's Services through the MASH. The answers indicate that the young person is at " +
      'risk of, or experiencing, child sexual exploitation.',
    "The referral needs the child's name, date of birth and address: have them ready when you call (do not type them here).",
    'A phone contact to the MASH is followed up with a written Inter-Agency Contact Form within 48 hours.',
  ],
  incomplete: [
    'Some answers are not known, so the form cannot rule risk out. Talk to your safeguarding lead, or call the MASH for advice.',
  ],
  'no-referral': [
    'This does not mean there is no risk: if you are still worried, talk to your safeguarding lead or the MASH.',
  ],
  'not-applicable': ['For a concern about an adult, contact adult safeguarding.'],
};

function answerText(value: Tristate): string {
  return TRISTATE_LABELS[value];
}

function q2Detail(answers: Cserq4Answers, result: Cserq4Result): string {
  const child = answers.childAge === null ? 'not known' : String(answers.childAge);
  let partners: string;
  if (answers.partnerAges === null) partners = 'not known';
  else if (answers.partnerAges.length === 0) partners = 'no partner';
  else partners = answers.partnerAges.join(', ');
  const gap = result.ageGap === null ? 'not worked out' : `${result.ageGap} years`;
  return `young person's age ${child}; partner age(s) ${partners}; age difference ${gap}`;
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
    `Outcome: ${OUTCOME_HEADINGS[result.outcome]}`,
    ...result.reasons.map((r) => `Reason: ${r}`),
    ...result.notes.map((n) => `Note: ${n}`),
    `Completed by: ${ctx.completedBy?.trim() || 'not recorded'}, ${formatLocal(ctx.now, ctx.contacts.timeZone)} (${ctx.contacts.timeZone})`,
    'No child identifiers are recorded in this summary.',
  ].join('\n');
}

export function outcomeReplies(answers: Cserq4Answers, result: Cserq4Result, ctx: ReportContext): Reply[] {
  const heading = OUTCOME_HEADINGS[result.outcome];
  const block = contactsBlock(ctx.contacts, ctx.now, {
    who: result.outcome === 'not-applicable' ? 'adult' : 'child',
  });
  const handOff = HAND_OFF[result.outcome];
  const outcomeText = [
    `**${heading}**`,
    result.reasons.map((r) => `- ${r}`).join('\n'),
    ...(result.notes.length > 0 ? [result.notes.map((n) => `- ${n}`).join('\n')] : []),
    handOff.join('\n\n'),
    block.headline,
    block.lines.join('\n'),
  ].join('\n\n');
  const colour = result.outcome === 'no-referral' ? 'Good' : 'Attention';
  const body: CardElement[] = [
    text(heading, { weight: 'Bolder', size: 'Large', color: colour }),
    ...result.reasons.map((r) => text(`- ${r}`)),
    ...result.notes.map((n) => text(`- ${n}`, { isSubtle: true })),
    ...handOff.map((h) => text(h)),
    text(block.headline, { weight: 'Bolder' }),
    ...block.elements,
  ];
  return [
    { text: outcomeText, card: card(body) },
    {
      text: `Summary for your record (copy it as it is):\n\n${summaryText(answers, result, ctx)}`,
    },
    { text: 'The screening answers have now been cleared from this chat.' },
  ];
}
