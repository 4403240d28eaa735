/**
 * A question handed to the safeguarding team, and what each press of its
 * card's buttons does, decided here as plain functions: the shell reads the
 * stored ticket, asks pressTicket() or expireTicket(), writes what they say
 * (conditionally, so two instances cannot both take one ticket) and carries
 * out the card update and the message to the practitioner.
 */
import { card, submit, text, type CardElement } from '../cards/adaptive';
import type { Reply } from '../cards/reply';
import type { AreaContacts } from '../contacts/schema';
import type { SendToExperts } from '../flows/flow';
import { formatLocal } from '../time';
import { plainBlock, plainRun } from './flow';
import {
  closedReply,
  escapeMarkdown,
  expiredReply,
  takenByOtherText,
  takenReply,
  TICKET_BUTTON_ELSEWHERE,
  TICKET_GONE,
} from './words';

/** What a ticket holds about the question: what its card shows, nothing more. */
export interface Ticket {
  ref: string;
  question: string;
  askerName: string;
  /** ISO time. */
  askedAt: string;
  status: 'open' | 'taken';
  takenBy?: { id: string; name: string; at: string };
}

export function newTicket(effect: SendToExperts): Ticket {
  return {
    ref: effect.ref,
    question: effect.question,
    askerName: effect.askerName,
    askedAt: effect.askedAt.toISOString(),
    status: 'open',
  };
}

/** A ticket's card, at each point of its life. Closed and expired cards no longer show the question. */
export type CardView =
  | { state: 'live'; ticket: Ticket }
  | { state: 'closed'; ticket: Ticket; by: string; at: string }
  | { state: 'expired'; ticket: Ticket; days: number }
  /** A press on a card whose ticket is no longer stored: all that is known is its reference. */
  | { state: 'gone'; ref: string };

const HEADING = 'Question for the safeguarding team';
const HANDLING =
  "Contact the practitioner in a Teams chat. Please do not add the child's details to this thread.";
const REMOVED = 'The question has been removed from this card and deleted from the bot.';

function statusLine(view: CardView, timeZone: string): CardElement {
  const label = plainRun('Status: ', { weight: 'Bolder' });
  switch (view.state) {
    case 'live': {
      const taken = view.ticket.takenBy;
      if (!taken)
        return plainBlock(label, plainRun('Open: waiting for someone to take it', { color: 'Warning' }));
      return plainBlock(
        label,
        plainRun('Taken by ', { color: 'Good' }),
        plainRun(taken.name, { color: 'Good', weight: 'Bolder' }),
        plainRun(` on ${formatLocal(new Date(taken.at), timeZone)}`, { color: 'Good' }),
      );
    }
    case 'closed':
      return plainBlock(
        label,
        plainRun('Closed by '),
        plainRun(view.by, { weight: 'Bolder' }),
        plainRun(` on ${formatLocal(new Date(view.at), timeZone)}`),
      );
    case 'expired':
      return plainBlock(label, plainRun(`Expired after ${view.days} days`));
    case 'gone':
      return plainBlock(label, plainRun('Closed'));
  }
}

function statusWords(view: CardView): string {
  switch (view.state) {
    case 'live':
      return view.ticket.takenBy ? `taken by ${view.ticket.takenBy.name}` : 'open';
    case 'closed':
      return `closed by ${view.by}`;
    case 'expired':
      return `expired after ${view.days} days`;
    case 'gone':
      return 'closed';
  }
}

/**
 * The card in the team's channel. Everything a person typed (the question,
 * names) is in a TextRun, which Adaptive Cards never read as Markdown, so a
 * question cannot bold itself, hide a link behind words or fake a status
 * line. The text (Teams' notification preview and fallback) leaves the
 * question out: it is for the channel, not for phone lock screens.
 */
export function ticketCard(view: CardView, timeZone: string): Reply {
  const ref = view.state === 'gone' ? view.ref : view.ticket.ref;
  const body: CardElement[] = [
    text(HEADING, { weight: 'Bolder', size: 'Medium' }),
    text(`Reference ${ref}`, { isSubtle: true }),
  ];
  if (view.state !== 'gone') {
    const t = view.ticket;
    body.push(
      plainBlock(
        plainRun('Asked by '),
        plainRun(t.askerName, { weight: 'Bolder' }),
        plainRun(` on ${formatLocal(new Date(t.askedAt), timeZone)}`),
      ),
    );
  }
  if (view.state === 'live') {
    body.push({ type: 'Container', style: 'emphasis', items: [plainBlock(plainRun(view.ticket.question))] });
  } else {
    body.push(text(REMOVED, { isSubtle: true }));
  }
  body.push(statusLine(view, timeZone));
  const live = view.state === 'live';
  if (live) body.push(text(HANDLING, { isSubtle: true, size: 'Small' }));
  const actions = !live
    ? []
    : [
        ...(view.ticket.takenBy
          ? []
          : [submit("I'll take this", { kind: 'ticket', ticket: ref, action: 'take' }, 'positive')]),
        submit('Close', { kind: 'ticket', ticket: ref, action: 'close' }),
      ];
  const from = view.state === 'gone' ? '' : `, from ${escapeMarkdown(view.ticket.askerName)}`;
  return {
    text: `${HEADING} (${ref}${from}): ${escapeMarkdown(statusWords(view))}.`,
    card: card(body, actions),
  };
}

export interface Presser {
  /** A stable id of the person (their Entra object id, or their Teams id). */
  id: string;
  name: string;
}

export interface PressContext {
  contacts: AreaContacts;
  now: Date;
}

export type PressResult = 'taken' | 'already-yours' | 'taken-by-other' | 'closed' | 'gone' | 'elsewhere';

export interface PressOutcome {
  result: PressResult;
  /** What to store: the changed ticket, 'delete', or 'keep' it as it is. */
  store: Ticket | 'delete' | 'keep';
  /** The card to put in place of the ticket's card; null to leave it. */
  card: Reply | null;
  /** Said in the channel thread, to whoever pressed. */
  replies: Reply[];
  /** Sent to the practitioner in their personal chat; null for nothing. */
  notify: Reply | null;
}

/**
 * One press of "I'll take this" or "Close". `onTheCard` is whether the press
 * came from the conversation that holds this ticket's card: only the people
 * in that channel can see the card, so only they can press it.
 */
export function pressTicket(
  ticket: Ticket | null,
  ref: string,
  press: { action: 'take' | 'close'; by: Presser; onTheCard: boolean },
  ctx: PressContext,
): PressOutcome {
  const tz = ctx.contacts.timeZone;
  const none = { store: 'keep' as const, card: null, replies: [], notify: null };
  if (!press.onTheCard) return { ...none, result: 'elsewhere', replies: [{ text: TICKET_BUTTON_ELSEWHERE }] };
  if (!ticket) {
    return {
      ...none,
      result: 'gone',
      card: ticketCard({ state: 'gone', ref }, tz),
      replies: [{ text: TICKET_GONE }],
    };
  }
  if (press.action === 'close') {
    return {
      result: 'closed',
      store: 'delete',
      card: ticketCard({ state: 'closed', ticket, by: press.by.name, at: ctx.now.toISOString() }, tz),
      replies: [],
      notify: closedReply(ticket.ref, ticket.takenBy !== undefined, ctx.contacts, ctx.now),
    };
  }
  if (ticket.takenBy) {
    const live = ticketCard({ state: 'live', ticket }, tz);
    // The same person again (a double press, or a turn run twice): nothing changes, nobody is told twice.
    if (ticket.takenBy.id === press.by.id) return { ...none, result: 'already-yours', card: live };
    return {
      ...none,
      result: 'taken-by-other',
      card: live,
      replies: [{ text: takenByOtherText(ticket.takenBy.name) }],
    };
  }
  const taken: Ticket = {
    ...ticket,
    status: 'taken',
    takenBy: { id: press.by.id, name: press.by.name, at: ctx.now.toISOString() },
  };
  return {
    result: 'taken',
    store: taken,
    card: ticketCard({ state: 'live', ticket: taken }, tz),
    replies: [],
    notify: takenReply(press.by.name, ticket.ref),
  };
}

export function isExpired(ticket: Ticket, now: Date, days: number): boolean {
  return now.getTime() - new Date(ticket.askedAt).getTime() >= days * 86_400_000;
}

/** A ticket past its time: the card loses the question; a practitioner whose question nobody took is told. */
export function expireTicket(
  ticket: Ticket,
  days: number,
  ctx: PressContext,
): { card: Reply; notify: Reply | null } {
  return {
    card: ticketCard({ state: 'expired', ticket, days }, ctx.contacts.timeZone),
    notify: ticket.takenBy ? null : expiredReply(ticket.ref, days, ctx.contacts, ctx.now),
  };
}
