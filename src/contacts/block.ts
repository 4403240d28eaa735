/**
 * The contacts block: built here and nowhere else, so the screening outcome,
 * "who do I call", the 999 reply and the not-found reply all say the same
 * thing, in the order the clock says (MASH first in office hours, the
 * out-of-hours Duty Team first otherwise).
 */
import { card, facts, mailtoLink, telLink, text, type CardElement } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import type { MashStatus } from '../rules/officeHours';
import { officeStatus } from './hours';
import { service } from './load';
import type { AreaContacts, Service } from './schema';

export const IMMEDIATE_DANGER_LINE = 'If a child is in immediate danger, call 999.';
/** The adult block's last line: the person may be an adult, and others may be at risk too. */
export const ANYONE_IN_DANGER_LINE = 'If anyone is in immediate danger, call 999.';
/**
 * An area may name an out-of-hours line for adults under this id. Portsmouth's sources give none, and
 * the children's Duty Team is not an adult line, so without it the adult block says so plainly.
 */
export const ADULT_OUT_OF_HOURS = 'adult-out-of-hours';
export const NO_ADULT_OUT_OF_HOURS =
  'Our sources give no out-of-hours number for adult safeguarding, so I cannot give you one.';

interface Line {
  service: Service;
  /** Replaces the service's own hours in this block, e.g. "now" or "from 09:00 on Monday 30 November". */
  when?: string;
  note?: string;
}

function lineText({ service: s, when, note }: Line): string {
  const phones = (s.phones ?? []).join(' or ');
  const email = s.email ? (note ? `email ${s.email} ${note}` : s.email) : '';
  const reach = [phones, email].filter((x) => x !== '').join(phones && note ? '; ' : ', ');
  const hours = when ?? (s.hours ? s.hours.charAt(0).toLowerCase() + s.hours.slice(1) : undefined);
  return `${s.name}${hours ? `, ${hours}` : ''}: ${reach}`;
}

function lineFacts({ service: s, when, note }: Line): CardElement {
  const reach = [...(s.phones ?? []).map(telLink), ...(s.email ? [mailtoLink(s.email)] : [])].join(' · ');
  const hours = when ?? s.hours;
  return facts([[s.name, [reach, hours, note].filter(Boolean).join('  \n')]]);
}

export function statusSentence(status: MashStatus, contacts: AreaContacts): string {
  const mash = service(contacts, contacts.officeHours.service).name;
  if (status.open) return `${mash} is open now, until ${status.nextChangeLocal}.`;
  const why: Record<Exclude<MashStatus['reason'], 'open'>, string> = {
    'before-opening': 'before opening time',
    evening: 'evening: out of office hours',
    weekend: 'weekend: out of office hours',
    'bank-holiday': `bank holiday${status.holidayName ? `, ${status.holidayName}` : ''}: out of office hours`,
    closure: 'closed today',
  };
  return `${mash} is closed now (${why[status.reason as Exclude<MashStatus['reason'], 'open'>]}). It opens again at ${status.nextChangeLocal}.`;
}

export interface ContactsBlock {
  status: MashStatus;
  /** The first number to ring now. */
  primary: { name: string; phone: string };
  headline: string;
  lines: string[];
  elements: CardElement[];
}

export interface BlockOptions {
  /** Past 18 the adult safeguarding line leads. */
  who?: 'child' | 'adult';
  /** Extra services to list (by id), e.g. when someone asked for Childline's number. */
  extra?: string[];
}

function linesFor(contacts: AreaContacts, status: MashStatus, options: BlockOptions): Line[] {
  const mash = service(contacts, contacts.officeHours.service);
  const ooh = service(contacts, 'out-of-hours');
  const extras = (options.extra ?? []).filter((id) => id !== mash.id && id !== ooh.id && id !== 'emergency');
  const extraLines = extras.map((id) => ({ service: service(contacts, id) }));
  if (options.who === 'adult') {
    const adultOoh = contacts.services.find((s) => s.id === ADULT_OUT_OF_HOURS);
    return [
      { service: service(contacts, 'adult-safeguarding') },
      ...(adultOoh ? [{ service: adultOoh }] : []),
      ...extraLines.filter((l) => l.service.id !== ADULT_OUT_OF_HOURS),
    ];
  }
  const children: Line[] = status.open
    ? [{ service: mash, when: `open now until ${status.nextChangeLocal}` }, { service: ooh }]
    : [
        { service: ooh, when: 'now' },
        { service: mash, when: `from ${status.nextChangeLocal}`, note: 'for non-urgent follow-up' },
      ];
  return [...children, ...extraLines];
}

export function contactsBlock(contacts: AreaContacts, at: Date, options: BlockOptions = {}): ContactsBlock {
  const status = officeStatus(contacts, at);
  const lines = linesFor(contacts, status, options);
  const first = lines[0]!.service;
  const adult = options.who === 'adult';
  const noAdultOoh = adult && !lines.some((l) => l.service.id === ADULT_OUT_OF_HOURS);
  const danger = adult ? ANYONE_IN_DANGER_LINE : IMMEDIATE_DANGER_LINE;
  return {
    status,
    primary: { name: first.name, phone: first.phones?.[0] ?? '' },
    headline: adult ? 'For a concern about an adult:' : statusSentence(status, contacts),
    lines: [
      ...lines.map((l) => `- ${lineText(l)}`),
      ...(noAdultOoh ? [`- ${NO_ADULT_OUT_OF_HOURS}`] : []),
      `- ${danger}`,
    ],
    elements: [
      ...lines.map(lineFacts),
      ...(noAdultOoh ? [text(NO_ADULT_OUT_OF_HOURS)] : []),
      text(`**${danger}**`, { color: 'Attention' }),
    ],
  };
}

export interface NowLine {
  /** Plain text, numbers written out. */
  text: string;
  /** The same for a card, numbers as tel: links. */
  markdown: string;
}

/**
 * One line for any answer that tells people to contact the MASH: who answers about a child right now.
 * Built from the same lines as the contacts block, so when the MASH is closed the out-of-hours team comes
 * first, with the time the MASH opens again.
 */
export function nowLine(contacts: AreaContacts, at: Date): NowLine {
  const status = officeStatus(contacts, at);
  const first = linesFor(contacts, status, {})[0]!.service;
  const phones = first.phones ?? [];
  const lead = '**About a child, right now:**';
  const sentence = statusSentence(status, contacts);
  const say = (numbers: string) =>
    status.open
      ? `${lead} ${sentence} Call ${numbers}.`
      : `${lead} call the ${first.name} on ${numbers}. ${sentence}`;
  return { text: say(phones.join(' or ')), markdown: say(phones.map(telLink).join(' or ')) };
}

export function contactsReply(
  contacts: AreaContacts,
  at: Date,
  options: BlockOptions = {},
  heading = 'Who to call',
): Reply {
  const block = contactsBlock(contacts, at, options);
  return {
    text: [`**${heading}**`, block.headline, block.lines.join('\n')].join('\n\n'),
    card: card([
      text(heading, { weight: 'Bolder', size: 'Medium' }),
      text(block.headline),
      ...block.elements,
    ]),
  };
}

/** The 999 safety net's reply: 999 first, then whoever answers now. */
export function urgentReply(contacts: AreaContacts, at: Date): Reply {
  const lead = 'If a child is in immediate danger, call 999 now.';
  const block = contactsBlock(contacts, at);
  const then = 'When the child is safe, or if it is not an emergency:';
  const lines = block.lines.filter((l) => !l.includes(IMMEDIATE_DANGER_LINE));
  return {
    text: [`**${lead}**`, then, block.headline, lines.join('\n')].join('\n\n'),
    card: card([
      text(lead, { weight: 'Bolder', size: 'Large', color: 'Attention' }),
      text('[Call 999](tel:999)'),
      text(then),
      text(block.headline),
      ...block.elements.slice(0, -1),
    ]),
  };
}
