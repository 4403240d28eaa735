/**
 * The contacts block: built here and nowhere else, so the screening outcome,
 * "who do I call" and the not-found reply all say the same thing.
 */
import { card, facts, mailtoLink, telLink, text, type CardElement } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import { service } from './load';
import type { AreaContacts, Service } from './schema';

export const IMMEDIATE_DANGER_LINE = 'If a child is in immediate danger, call 999.';

function phonesText(s: Service): string {
  return (s.phones ?? []).join(' or ');
}

export function serviceLine(s: Service): string {
  const reach = [phonesText(s), s.email ?? ''].filter((x) => x !== '').join(', ');
  const when = s.hours ? ` (${s.hours.charAt(0).toLowerCase()}${s.hours.slice(1)})` : '';
  return `${s.name}${when}: ${reach}`;
}

function serviceFacts(s: Service): CardElement {
  const reach = [...(s.phones ?? []).map(telLink), ...(s.email ? [mailtoLink(s.email)] : [])].join(' · ');
  return facts([[s.name, `${reach}${s.hours ? `  \n${s.hours}` : ''}`]]);
}

export interface ContactsBlock {
  lines: string[];
  elements: CardElement[];
}

/** Which services to list, in order, for a child (or, past 18, for an adult). */
function servicesFor(contacts: AreaContacts, who: 'child' | 'adult'): Service[] {
  return who === 'adult'
    ? [service(contacts, 'adult-safeguarding')]
    : [service(contacts, 'mash'), service(contacts, 'out-of-hours')];
}

export function contactsBlock(contacts: AreaContacts, who: 'child' | 'adult' = 'child'): ContactsBlock {
  const list = servicesFor(contacts, who);
  return {
    lines: [...list.map((s) => `- ${serviceLine(s)}`), `- ${IMMEDIATE_DANGER_LINE}`],
    elements: [...list.map(serviceFacts), text(`**${IMMEDIATE_DANGER_LINE}**`, { color: 'Attention' })],
  };
}

export function contactsReply(contacts: AreaContacts, heading = 'Who to call'): Reply {
  const block = contactsBlock(contacts);
  return {
    text: [`**${heading}**`, ...block.lines].join('\n'),
    card: card([text(heading, { weight: 'Bolder', size: 'Medium' }), ...block.elements]),
  };
}
